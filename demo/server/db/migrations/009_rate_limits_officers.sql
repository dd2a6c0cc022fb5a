-- Rate-limit windows shared by every instance (demo/server/lookup/rate-limit.ts),
-- and officers' own credentials (demo/server/officer/credentials.ts).
--
-- Before this, the lookup counted in each process's memory: N instances
-- allowed N times the budget, a restart forgot, and past 10,000 keys live
-- windows were evicted, so a flood of made-up codes reset a target's
-- counter. Here a window is a row; the table is bounded: when it is full,
-- expired rows are purged and, if it is still full, a new key is refused
-- (never a live window dropped).
CREATE TABLE rate_limits (
  -- What is counted: 'lookup-address:203.0.113.7', 'lookup-code:…', 'officer-failure:…'.
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  -- When this window ends; rows past it are only waiting to be purged.
  window_end timestamptz NOT NULL,
  tries integer NOT NULL
);
CREATE INDEX rate_limits_window_end ON rate_limits (window_end);

-- How many rows rate_limits holds, kept by rate_limit_try() as it inserts
-- and purges, so that the bound costs one row update, not a count.
CREATE TABLE rate_limit_size (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  held integer NOT NULL
);
INSERT INTO rate_limit_size (held) VALUES (0);

-- Counts one try of `p_key` at `p_now` against `p_limit` tries per
-- `p_window_seconds`; returns 0 when the try is allowed (and counted), else
-- the seconds to wait. A new key when `p_max_keys` windows are held, none
-- of them expired, is refused for a whole window: under a flood, new keys
-- wait and old ones keep counting. Each step is one statement, safe
-- against other instances doing the same.
CREATE FUNCTION rate_limit_try(
  p_key text, p_limit integer, p_window_seconds integer, p_max_keys integer, p_now timestamptz
) RETURNS integer LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  window_ends timestamptz;
BEGIN
  FOR attempt IN 1..2 LOOP
    -- A known key: counted in its window, or a new window when it expired.
    UPDATE rate_limits
    SET tries = CASE WHEN window_end <= p_now THEN 1 ELSE tries + 1 END,
        window_start = CASE WHEN window_end <= p_now THEN p_now ELSE window_start END,
        window_end = CASE WHEN window_end <= p_now THEN p_now + make_interval(secs => p_window_seconds) ELSE window_end END
    WHERE key = p_key AND (window_end <= p_now OR tries < p_limit);
    IF FOUND THEN
      RETURN 0;
    END IF;
    SELECT window_end INTO window_ends FROM rate_limits WHERE key = p_key;
    IF FOUND THEN
      RETURN greatest(1, ceil(extract(epoch FROM window_ends - p_now)))::integer;
    END IF;
    -- A new key: room first, purging expired windows when there is none.
    UPDATE rate_limit_size SET held = held + 1 WHERE held < p_max_keys;
    IF NOT FOUND THEN
      -- Full: refused at the cost of two index reads unless some window expired.
      IF NOT EXISTS (SELECT 1 FROM rate_limits WHERE window_end <= p_now) THEN
        RETURN p_window_seconds;
      END IF;
      WITH gone AS (DELETE FROM rate_limits WHERE window_end <= p_now RETURNING 1)
      UPDATE rate_limit_size SET held = held - (SELECT count(*) FROM gone) + 1;
    END IF;
    INSERT INTO rate_limits (key, window_start, window_end, tries)
    VALUES (p_key, p_now, p_now + make_interval(secs => p_window_seconds), 1)
    ON CONFLICT (key) DO NOTHING;
    IF FOUND THEN
      RETURN 0;
    END IF;
    -- Another instance inserted this key meanwhile: give the room back and count in its window.
    UPDATE rate_limit_size SET held = held - 1;
  END LOOP;
  RETURN p_window_seconds;
END;
$$;

-- One row per officer credential, issued by `npm run officer -- issue`.
-- The token itself (256 random bits) is shown once and never stored: only
-- its SHA-256, which is enough for a secret that cannot be guessed.
CREATE TABLE officer_credentials (
  id bigserial PRIMARY KEY,
  -- Who acts: written in the history of every action taken with this credential.
  officer_name text NOT NULL,
  -- The agency codes whose dossiers this officer may see and act on.
  agencies text[] NOT NULL,
  token_hash text NOT NULL UNIQUE,
  issued_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
