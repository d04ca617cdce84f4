import { createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError, newId } from '../core/index.ts';
import { removeDir, uploadTempDir } from './storage.ts';

/** A file received from the form, already on disk in the upload's temp directory. */
export interface ReceivedFile {
  field: string;
  /** The name the browser sent (for messages and the call title only; never used as a path). */
  clientName: string;
  path: string;
  bytes: number;
}

export interface Intake {
  dir: string;
  files: ReceivedFile[];
  fields: Record<string, string>;
  /** Removes the temp directory and everything in it. */
  discard(): Promise<void>;
}

// C0 controls except tab, newline and carriage return, and DEL (as src/http/route.ts refuses in JSON bodies)
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Form fields that may carry a file. */
export const FILE_FIELDS = ['file', 'transcript'] as const;

/**
 * Streams a multipart upload to a private temp directory under DATA_DIR (never holding a file in memory),
 * enforcing the size limit while reading. On any problem the directory is removed before the error is thrown.
 */
export async function receiveUpload(req: FastifyRequest, dataDir: string, maxBytes: number): Promise<Intake> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the call as a multipart/form-data upload with the recording in the "file" field.');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes * 2 + 1024 * 1024) throw tooLarge(maxBytes);
  const dir = await uploadTempDir(dataDir, newId());
  const files: ReceivedFile[] = [];
  const fields: Record<string, string> = {};
  try {
    const parts = req.parts({ limits: { fileSize: maxBytes, files: 2, fields: 20, fieldSize: 10_000, parts: 24 } });
    for await (const part of parts) {
      if (part.type === 'file') {
        if (!(FILE_FIELDS as readonly string[]).includes(part.fieldname)) {
          part.file.resume();
          throw new AppError('VALIDATION_FAILED', `Unexpected file field "${part.fieldname}"; use "file" (recording or transcript) and optionally "transcript".`);
        }
        if (files.some((f) => f.field === part.fieldname)) throw new AppError('VALIDATION_FAILED', `Only one "${part.fieldname}" file per upload.`);
        const target = path.join(dir, `${part.fieldname}.upload`);
        await pipeline(part.file, createWriteStream(target));
        if (part.file.truncated) throw tooLarge(maxBytes);
        files.push({ field: part.fieldname, clientName: (part.filename || part.fieldname).slice(0, 200), path: target, bytes: (await stat(target)).size });
      } else {
        fields[part.fieldname] = String(part.value ?? '');
      }
      const text = part.type === 'file' ? part.filename ?? '' : fields[part.fieldname];
      if (CONTROL.test(text) || CONTROL.test(part.fieldname)) {
        throw new AppError('VALIDATION_FAILED', `The ${part.type === 'file' ? 'file name' : `field "${part.fieldname.replace(CONTROL, '?')}"`} contains a control character (such as NUL); rename it and try again.`);
      }
    }
  } catch (e) {
    await removeDir(dir);
    throw translate(e, maxBytes);
  }
  if (!files.some((f) => f.field === 'file')) {
    await removeDir(dir);
    throw new AppError('VALIDATION_FAILED', 'No file was uploaded: put the recording (or a transcript) in the "file" field.');
  }
  return { dir, files, fields, discard: () => removeDir(dir) };
}

const tooLarge = (maxBytes: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `The file is larger than the ${Math.round(maxBytes / 1024 / 1024)} MB limit. Compress it (e.g. to MP3) or ask the administrator to raise UPLOAD_MAX_MB.`);

function translate(e: unknown, maxBytes: number): unknown {
  const code = (e as { code?: string })?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(maxBytes);
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return new AppError('VALIDATION_FAILED', 'Too many files or fields in the upload: send one recording and at most one transcript.');
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the call as multipart/form-data.');
  if (e instanceof Error && /Unexpected end of form|Part terminated early|aborted/i.test(e.message)) return new AppError('VALIDATION_FAILED', 'The upload was interrupted before it finished. Please try again.');
  if (e instanceof Error && /boundary|malformed|multipart|header/i.test(e.message)) return new AppError('VALIDATION_FAILED', 'The upload is not a well-formed multipart/form-data body. Send the recording from the upload form (or with curl -F file=@call.mp3).');
  return e;
}

/** True when the file looks like text (UTF-8, no NUL bytes in its first 8 KB): a transcript, not audio. */
export async function looksLikeText(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(8192);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    if (bytesRead === 0) return false;
    const head = buf.subarray(0, bytesRead);
    if (head.includes(0)) return false;
    try {
      // a multi-byte character may be cut at the end of the sample: drop up to 3 trailing bytes
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, bytesRead < buf.length ? bytesRead : bytesRead - 3));
      return true;
    } catch {
      return false;
    }
  } finally {
    await fh.close();
  }
}
