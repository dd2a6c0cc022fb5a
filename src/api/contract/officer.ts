/**
 * The backend contract, version 1: what an officer of the receiving agency
 * does to a dossier (`POST /officer/dossiers/{code}/actions`, with
 * `Authorization: Bearer <token>`). Widgets never call these; the reference
 * backend exposes them so the demo and the tests can move a dossier along
 * its lifecycle, and so an adapter author sees the states a dossier passes.
 *
 * Every action may carry `actor` (who did it, kept in the history) and
 * `note` (a sentence meant for the citizen, shown in the lookup).
 */
import * as z from 'zod/mini';
import { Money, Text } from './common.js';
import { DeliveryMethod } from './filing.js';
import { IsoDateTime } from './dossiers.js';
import { DocumentSlot, UploadId } from './uploads.js';

const common = { actor: z.optional(z.string().check(z.minLength(1), z.maxLength(100))), note: z.optional(Text) };

export const OfficerAction = z.discriminatedUnion('action', [
  /** 1 → 2: received; the appointment slip is issued. */
  z.object({ action: z.literal('receive'), ...common }),
  /** 1 → 3: refused at reception, with the reason. */
  z.object({ action: z.literal('refuse'), reason: Text, ...common }),
  /** 2/4 → 5: everything missing, listed once and in full; a second request is refused. */
  z.object({
    action: z.literal('request-supplement'),
    items: z.array(Text).check(z.minLength(1), z.maxLength(50)),
    dueAt: z.optional(IsoDateTime),
    ...common,
  }),
  /** 5 → 4: the supplement arrived; the clock starts again. */
  z.object({ action: z.literal('supplement-received'), ...common }),
  /** 2/4 → 6: a fee or tax to pay. */
  z.object({
    action: z.literal('request-payment'),
    items: z.array(z.object({ label: Text, amount: Money })).check(z.minLength(1), z.maxLength(20)),
    how: Text,
    dueAt: z.optional(IsoDateTime),
    ...common,
  }),
  /** 6 → 4: paid. */
  z.object({ action: z.literal('payment-received'), ...common }),
  /** 2 → 4: processing starts. */
  z.object({ action: z.literal('process'), ...common }),
  /** 4 → 9: the result is ready; says how and where it is delivered. */
  z.object({
    action: z.literal('result-ready'),
    delivery: z.object({ method: DeliveryMethod, where: Text }),
    ...common,
  }),
  /** 9 → 10: the result was handed over or sent. */
  z.object({ action: z.literal('return-result'), ...common }),
  /** 2/4/5/6 → 8: processing stopped, with the reason. */
  z.object({ action: z.literal('stop'), reason: Text, ...common }),
  /** 1/2/4/5/6 → 7: withdrawn at the citizen's request. */
  z.object({ action: z.literal('withdraw'), ...common }),
  /** Late: the apology and the new appointment (the status does not change). */
  z.object({ action: z.literal('apologise'), text: Text, newAppointmentAt: IsoDateTime, ...common }),
]);

/** One file of a filed dossier, for an officer (`GET /officer/dossiers/{code}/attachments`). */
export const OfficerAttachment = z.object({
  /** The upload id: the file's bytes are at {@link OFFICER_ATTACHMENT_PATH}. */
  id: UploadId,
  /** The document slot (thành phần hồ sơ) the citizen attached it to. */
  slot: DocumentSlot,
  /** The name on the citizen's device, sanitised (a label, never a path). */
  fileName: z.string().check(z.minLength(1), z.maxLength(255)),
  /** The MIME type its first bytes were checked against. */
  fileType: z.string().check(z.minLength(1), z.maxLength(255)),
  size: z.int().check(z.positive()),
});

export const OfficerAttachmentList = z.object({ attachments: z.array(OfficerAttachment) });

/**
 * Where an officer downloads one attachment's bytes (with the officer's
 * bearer token; `Content-Disposition: attachment` with the file's name).
 * The citizen's upload endpoint never sends a file back.
 */
export const OFFICER_ATTACHMENT_PATH = '/officer/dossiers/{code}/attachments/{upload}';

export type OfficerAction = z.infer<typeof OfficerAction>;
export type OfficerAttachment = z.infer<typeof OfficerAttachment>;
export type OfficerAttachmentList = z.infer<typeof OfficerAttachmentList>;
