// The zod schemas of everything that arrives at the room server or the facilitator's channel
// (room/protocol.ts has the types). Kept apart so the phone page does not ship zod.
import { z } from 'zod';
import { CRITERIA, ITEM_STATUSES, ROOM_LANGUAGES, type JoinBody, type OpenRoomArgs, type RoomAnswer, type RoomState, type SubmitBody } from './protocol';

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'an id is letters, digits, - and _');
const score = z.number().int().min(1).max(5);

const text = (max: number) => z.string().max(max);
export const roomStateSchema = z
  .object({
    workshopTitle: text(300),
    language: z.enum(ROOM_LANGUAGES),
    participants: z.array(z.object({ id, name: text(300) }).strict()).max(500),
    allowNewParticipants: z.boolean(),
    criteria: z
      .array(
        z
          .object({ id: z.enum(CRITERIA), label: text(100), rubric: z.tuple([text(2000), text(2000), text(2000), text(2000), text(2000)]) })
          .strict(),
      )
      .max(3),
    items: z
      .array(
        z
          .object({
            useCaseId: id,
            roundId: id,
            roundNumber: z.number().int().min(1).max(10_000),
            title: text(300),
            problem: text(20_000),
            status: z.enum(ITEM_STATUSES),
          })
          .strict(),
      )
      .max(50),
  })
  .strict() satisfies z.ZodType<RoomState>;

export const joinBodySchema = z.union([
  z.object({ participantId: id }).strict(),
  z.object({ newName: z.string().max(1000) }).strict(),
]) satisfies z.ZodType<JoinBody>;
export const codeBodySchema = z.object({ code: z.string().max(32) }).strict();

export const submitBodySchema = z
  .object({
    roundId: id,
    useCaseId: id,
    scores: z.object({ impact: score, feasibility: score, readiness: score }).strict(),
  })
  .strict() satisfies z.ZodType<SubmitBody>;
export const roomAnswerSchema = z.union([
  z.object({ requestId: id, ok: z.literal(true), participantId: id.optional() }).strict(),
  z.object({ requestId: id, ok: z.literal(false), status: z.union([z.literal(404), z.literal(409), z.literal(422), z.literal(500)]), message: text(500) }).strict(),
]) satisfies z.ZodType<RoomAnswer>;
/** The answers to one batch of stored scores go back together: one message, not one per phone. */
export const roomAnswersSchema = z.array(roomAnswerSchema).min(1).max(500);

export const openRoomArgsSchema = z
  .object({
    address: z.string().max(64),
    port: z.number().int().min(0).max(65_535).optional(),
    idleMinutes: z.number().int().min(1).max(24 * 60).optional(),
  })
  .strict() satisfies z.ZodType<OpenRoomArgs>;
export const removeDeviceArgsSchema = z.object({ deviceId: id }).strict();

