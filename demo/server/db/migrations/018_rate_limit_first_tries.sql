-- Tries that arrive together for a key not yet counted (two lookups of one
-- new address at the same moment, on PostgreSQL where they run at once)
-- were sometimes refused with a whole window to wait: the first statement
-- did not see the window another try was opening, the next one did, and
-- took its mere existence for a spent budget (1 round in 20 of four
-- simultaneous first tries, test/backend/rate-limit-concurrency.test.ts).
-- Now only a live window whose tries are spent refuses; a window found any
-- other way is counted in on the next pass of the loop.
CREATE OR REPLACE FUNCTION rate_limit_try(
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
    -- Refused only by a window that is live and spent. The UPDATE above may have missed a window another
    -- instance opened meanwhile (not yet committed when it looked): that one is counted in on the next pass.
    SELECT window_end INTO window_ends FROM rate_limits
    WHERE key = p_key AND window_end > p_now AND tries >= p_limit;
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
