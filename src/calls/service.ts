import { readFile, writeFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CALL_TYPES, LANGUAGES, detectLanguage, type Analyzer, type CompanyContext, type Transcript } from '../analysis/index.ts';
import { normalizeAudio, probeAudio } from '../audio/index.ts';
import { AppError, newId, parseOrThrow } from '../core/index.ts';
import type { Config } from '../config/index.ts';
import type { CallRow, CallFilter, Repositories } from '../db/index.ts';
import type { Principal } from '../auth/index.ts';
import type { QuotaService } from '../org/index.ts';
import { PermanentJobError, type JobQueue, type JobRun } from '../jobs/index.ts';
import { importTranscript } from './transcript/index.ts';
import { receiveUpload, looksLikeText, type Intake } from './intake.ts';
import { callFiles, dropWorkFiles, exists, moveFile, removeDir, sweepUploadTemp } from './storage.ts';
import { runPipeline, STAGE_START, type CallReport, type PipelineAudio } from './pipeline.ts';
import type { Transcriber } from './transcribe/index.ts';
import type { FastifyRequest } from 'fastify';

export const CALL_JOB = 'call.analyse';
export const CHANNEL_MAPS = ['left_agent', 'right_agent', 'mixed'] as const;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** The form fields of an upload (multipart text fields). */
export const uploadFieldsSchema = z.object({
  agentUserId: z.preprocess(blankToUndefined, z.string().uuid('must be a user id').optional()),
  agentName: z.preprocess(blankToUndefined, z.string().trim().max(120).optional()),
  language: z.preprocess(blankToUndefined, z.enum(LANGUAGES, { message: 'must be he or en' }).optional()),
  callType: z.preprocess(blankToUndefined, z.enum(CALL_TYPES, { message: `must be one of ${CALL_TYPES.join(', ')}` }).optional()),
  channelMap: z.preprocess(blankToUndefined, z.enum(CHANNEL_MAPS).default('left_agent')),
  title: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
});
export type UploadFields = z.output<typeof uploadFieldsSchema>;

export interface CallsDeps {
  config: Config;
  repos: Repositories;
  quotas: QuotaService;
  jobs: JobQueue;
  analyzer: Analyzer;
  transcriber: Transcriber | null;
}

/** A received file checked and sorted: audio (probed and decoded) or transcript (parsed). */
interface Prepared {
  audio: { path: string; name: string; format: string; channels: number; bytes: number; durationSec: number } | null;
  transcript: Transcript | null;
  transcriptName: string | null;
}

/** Calls: upload, processing (as durable jobs), reading, deleting. */
export function createCallsService(deps: CallsDeps) {
  const { config, repos } = deps;
  const maxBytes = Math.round(config.UPLOAD_MAX_MB * 1024 * 1024);
  const maxDurationSec = config.CALL_MAX_MINUTES * 60;

  /** Sniffs, decodes and parses the received files in their temp directory. Throws BAD_FILE & co. */
  async function prepare(intake: Intake, f: UploadFields): Promise<Prepared> {
    const main = intake.files.find((x) => x.field === 'file')!;
    const extra = intake.files.find((x) => x.field === 'transcript');
    const mainIsText = await looksLikeText(main.path);
    if (mainIsText && extra) throw new AppError('VALIDATION_FAILED', 'Both files are text: put the recording in "file" and the transcript in "transcript".');
    if (extra && !(await looksLikeText(extra.path))) throw new AppError('BAD_FILE', `"${extra.clientName}" is not a text transcript.`);
    const textFile = mainIsText ? main : extra;
    let transcript: Transcript | null = null;
    if (textFile) {
      const text = await readFile(textFile.path, 'utf8');
      transcript = importTranscript(text, { agentName: f.agentName, language: f.language, fileName: textFile.clientName });
    }
    if (mainIsText) return { audio: null, transcript, transcriptName: textFile!.clientName };
    if (main.bytes === 0) throw new AppError('BAD_FILE', `"${main.clientName}" is empty (0 bytes).`);
    const probe = await probeAudio(main.path);
    const norm = await normalizeAudio(main.path, intake.dir, { probe, maxDurationSec });
    return {
      audio: { path: main.path, name: main.clientName, format: probe.format, channels: probe.channels, bytes: main.bytes, durationSec: norm.durationSec },
      transcript,
      transcriptName: textFile?.clientName ?? null,
    };
  }

  /** Whose call this is: agents upload their own; managers and staff may name an agent of the company. */
  async function owner(user: Principal, f: UploadFields) {
    if (user.role === 'agent') {
      if (f.agentUserId && f.agentUserId !== user.id) throw new AppError('FORBIDDEN', 'Agents can upload only their own calls.');
      return { userId: user.id, companyId: user.companyId! };
    }
    if (!f.agentUserId) {
      if (!user.companyId) throw new AppError('VALIDATION_FAILED', 'Choose the agent whose call this is (agentUserId).');
      return { userId: user.id, companyId: user.companyId };
    }
    const u = await repos.users.byId(f.agentUserId);
    if (!u || !u.companyId || (user.role === 'manager' && u.companyId !== user.companyId)) throw new AppError('NOT_FOUND', 'That agent was not found in your company.');
    return { userId: u.id, companyId: u.companyId };
  }

  /** Refuses early when the monthly analyses quota is already used up (the quota is taken only on success). */
  async function checkQuota(companyId: string, userId: string) {
    const company = await repos.companies.byId(companyId);
    if (!company) throw new AppError('NOT_FOUND', 'Company was not found.');
    const used = await repos.usage.get(companyId, 'company', 'analyses');
    if (used >= company.analysesPerMonth) {
      throw new AppError('USAGE_QUOTA_EXCEEDED', "The company's monthly quota of call analyses is used up. A manager or admin can raise it, or it renews on the 1st of next month.");
    }
    const u = await repos.users.byId(userId);
    if (u?.analysesCap != null && (await repos.usage.get(companyId, userId, 'analyses')) >= u.analysesCap) {
      throw new AppError('USAGE_QUOTA_EXCEEDED', 'Your personal monthly quota of call analyses is used up. Ask your manager to raise it.');
    }
  }

  /** Creates a call from received files: validates everything first, then stores and queues it. */
  async function createFromIntake(user: Principal, intake: Intake): Promise<CallRow> {
    try {
      const f = parseOrThrow(uploadFieldsSchema, intake.fields, 'upload fields');
      const who = await owner(user, f);
      await checkQuota(who.companyId, who.userId);
      const p = await prepare(intake, f);
      const id = newId();
      const files = callFiles(config.DATA_DIR, who.companyId, id);
      await mkdir(files.dir, { recursive: true });
      try {
        if (p.audio) {
          await moveFile(p.audio.path, files.original(p.audio.format));
          await moveFile(path.join(intake.dir, 'analysis.wav'), files.mono);
          if (p.audio.channels >= 2) {
            await moveFile(path.join(intake.dir, 'ch0.wav'), files.channels[0]);
            await moveFile(path.join(intake.dir, 'ch1.wav'), files.channels[1]);
          }
        }
        const language = f.language ?? p.transcript?.language ?? (user.locale === 'en' ? 'en' : 'he');
        const lastEnd = p.transcript?.segments.at(-1)?.endSec ?? null;
        const row = await repos.calls.insert({
          id,
          companyId: who.companyId,
          agentUserId: who.userId,
          uploadedBy: user.id,
          agentLabel: f.agentName ?? null,
          title: f.title ?? p.audio?.name ?? p.transcriptName ?? 'call',
          language,
          callType: f.callType ?? null,
          source: p.audio && p.transcript ? 'audio+transcript' : p.audio ? 'audio' : 'transcript',
          channelMap: f.channelMap,
          originalName: p.audio?.name ?? p.transcriptName,
          originalFormat: p.audio?.format ?? 'transcript',
          sizeBytes: p.audio?.bytes ?? 0,
          durationSec: p.audio?.durationSec ?? lastEnd,
          channels: p.audio?.channels ?? null,
          status: 'queued',
          progress: 0,
          transcript: p.transcript,
          quotaConsumed: false,
        });
        await deps.jobs.enqueue(CALL_JOB, { callId: id }, { companyId: who.companyId });
        return row;
      } catch (e) {
        await removeDir(files.dir);
        await repos.calls.delete(id).catch(() => {});
        throw e;
      }
    } finally {
      await intake.discard();
    }
  }

  /** The job: runs the pipeline for one call, reporting each stage on the call and the job. */
  async function process(payload: { callId: string }, run: JobRun): Promise<void> {
    const call = await repos.calls.byId(payload.callId);
    if (!call || call.status === 'done') return;
    const files = callFiles(config.DATA_DIR, call.companyId, call.id);
    const audio = await pipelineAudio(call, files);
    if (call.source !== 'transcript' && !audio) throw new PermanentJobError('The stored recording is missing; upload the call again.');
    const q = await repos.questionnaires.latest(call.companyId);
    const report = await runPipeline(
      {
        audio,
        transcript: (call.transcript as Transcript | null) ?? null,
        language: call.language,
        callType: (call.callType ?? undefined) as never,
        agentLabel: call.agentLabel ?? undefined,
        companyContext: (q?.data ?? undefined) as CompanyContext | undefined,
      },
      { analyzer: deps.analyzer, transcriber: deps.transcriber },
      {
        signal: run.signal,
        progress: async (stage, overall) => {
          await repos.calls.setStage(call.id, stage, overall);
          await run.progress(stage, overall);
        },
        saveTranscript: async (t) => void (await repos.calls.update(call.id, { transcript: t })),
      },
    );
    // every analysis counts, the audio-only kind too (talk time, voice activity and tone are an analysis)
    if (await repos.calls.claimQuota(call.id)) {
      const agent = await repos.users.byId(call.agentUserId);
      try {
        if (agent) await deps.quotas.consume(agent, 'analyses');
      } catch (e) {
        await repos.calls.unclaimQuota(call.id);
        if (e instanceof AppError && e.code === 'USAGE_QUOTA_EXCEEDED') throw new PermanentJobError(e.message);
        throw e;
      }
    }
    await repos.calls.update(call.id, {
      status: 'done',
      progress: 1,
      error: null,
      report,
      reportKind: report.kind,
      overallScore: report.analysis.overallScore,
      callType: report.analysis.callType,
      durationSec: report.audio?.durationSec ?? report.analysis.durationSec,
      analysedAt: new Date(),
    });
    await dropWorkFiles(files);
  }

  async function pipelineAudio(call: CallRow, files: ReturnType<typeof callFiles>): Promise<PipelineAudio | null> {
    if (call.source === 'transcript' || !call.originalFormat) return null;
    const original = files.original(call.originalFormat);
    if (!(await exists(original))) return null;
    // the analysis WAVs are dropped once a call is done; remake them when it is processed again
    if (!(await exists(files.mono))) await normalizeAudio(original, files.dir, { maxDurationSec });
    const stereo = (call.channels ?? 1) >= 2 && call.channelMap !== 'mixed' && (await exists(files.channels[0]));
    return {
      original,
      mono: files.mono,
      channels: stereo ? files.channels : null,
      agentChannel: call.channelMap === 'right_agent' ? 1 : 0,
      playback: files.playback,
      analysisCache: files.audioAnalysis,
      sourceChannels: call.channels ?? 1,
      maxDurationSec,
    };
  }

  deps.jobs.register<{ callId: string }>(CALL_JOB, process, {
    maxAttempts: 4,
    onFailed: async (p, reason) => void (await repos.calls.update(p.callId, { status: 'failed', error: reason })),
  });

  return {
    maxBytes,
    /**
     * Removes temp files of interrupted uploads (a dead process's at once, idle ones after `idleMs`); runs at
     * start and then every `everyMs` until the returned stop function is called.
     */
    async sweepUploads(o: { idleMs: number; everyMs: number }): Promise<() => void> {
      const sweep = () => sweepUploadTemp(config.DATA_DIR, o.idleMs).catch(() => []);
      await sweep();
      const timer = setInterval(() => void sweep(), o.everyMs);
      timer.unref();
      return () => clearInterval(timer);
    },
    /** Receives a multipart upload and creates the call (4xx with a reason for any bad input, no leftovers). */
    async upload(user: Principal, req: FastifyRequest): Promise<CallRow> {
      const intake = await receiveUpload(req, config.DATA_DIR, maxBytes);
      return createFromIntake(user, intake);
    },
    createFromIntake,
    /** Calls visible to this user, filtered. Agents see their own; managers their company's; staff any. */
    async list(user: Principal, filter: Omit<CallFilter, 'companyId'> & { companyId?: string }) {
      const f: CallFilter = { ...filter };
      if (user.role === 'agent') f.agentUserId = user.id;
      if (user.role === 'agent' || user.role === 'manager') f.companyId = user.companyId!;
      return repos.calls.list(f);
    },
    async get(id: string): Promise<CallRow> {
      const c = await repos.calls.byId(id);
      if (!c) throw new AppError('NOT_FOUND', 'Call was not found.');
      return c;
    },
    /** Deletes the call, its files and any queued processing. */
    async remove(id: string): Promise<void> {
      const c = await repos.calls.byId(id);
      if (!c) throw new AppError('NOT_FOUND', 'Call was not found.');
      await repos.jobs.cancelByPayload(CALL_JOB, 'callId', id, 'the call was deleted');
      await repos.calls.delete(id);
      await rm(callFiles(config.DATA_DIR, c.companyId, c.id).dir, { recursive: true, force: true });
    },
    /** Queues a failed call again. */
    async retry(id: string): Promise<CallRow> {
      const c = await repos.calls.byId(id);
      if (!c) throw new AppError('NOT_FOUND', 'Call was not found.');
      if (c.status !== 'failed') throw new AppError('CONFLICT', 'Only a failed call can be retried.');
      await repos.calls.update(id, { status: 'queued', progress: 0, error: null });
      await deps.jobs.enqueue(CALL_JOB, { callId: id }, { companyId: c.companyId });
      return (await repos.calls.byId(id))!;
    },
    /** The playable audio file of a call, or null when it has none yet. */
    async playback(c: CallRow): Promise<string | null> {
      const p = callFiles(config.DATA_DIR, c.companyId, c.id).playback;
      return (await exists(p)) ? p : null;
    },
    /** Writes a call's report as JSON (exports, debugging). */
    async exportReport(c: CallRow, file: string) {
      await writeFile(file, JSON.stringify(c.report as CallReport, null, 2));
    },
    transcriber: deps.transcriber,
    analyzer: deps.analyzer,
    STAGE_START,
    detectLanguage,
  };
}
export type CallsService = ReturnType<typeof createCallsService>;
