/**
 * The child process that compiles schemas and checks answers (schema-guard.ts starts it, and ends it when a job
 * runs past its deadline; a job that allocates past its heap limit ends it by itself). Each message is one job;
 * each reply carries the job's id.
 */
import { schemaProblems, validateAnswer } from './json-schema.ts';
import type { SchemaJob, SchemaReply } from './schema-jobs.ts';
import { serveParent } from '../child-port.ts';

/** Small values of every JSON type, as answers could be. */
const PROBES: readonly unknown[] = [null, true, 0, 1.5, '', 'a', [], [''], {}, { a: '' }];

/** The batch schema last compiled here, by its text: a batch checks every answer against the same one. */
let batchSchema: { text: string; compiled: import('../batch/answer-schema.ts').AnswerSchema } | null = null;

async function handle(job: SchemaJob): Promise<void> {
  try {
    if (job.op === 'batch-check') {
      const { compileAnswerSchema } = await import('../batch/answer-schema.ts');
      if (batchSchema?.text !== job.text) batchSchema = { text: job.text, compiled: compileAnswerSchema(job.name, job.text) };
      const c = batchSchema.compiled.check(job.answer);
      reply({ id: job.id, ok: true, valid: c.valid, errors: c.errors, value: c.json } satisfies SchemaReply);
      return;
    }
    if (job.op === 'batch') {
      // Loaded only for batches (2020-12 and formats are theirs alone).
      const { compileAnswerSchema } = await import('../batch/answer-schema.ts');
      const compiled = compileAnswerSchema(job.name, job.text);
      // A schema whose check blows up on any value (a chain of $refs doubling at every link) shows it on these,
      // here, under the deadline, before the batch starts sending its files.
      for (const probe of PROBES) compiled.accepts(probe);
      reply({ id: job.id, ok: true, problems: [] } satisfies SchemaReply);
      return;
    }
    if (job.op === 'check') {
      reply({ id: job.id, ok: true, problems: schemaProblems(job.schema) } satisfies SchemaReply);
      return;
    }
    const problems = schemaProblems(job.schema);
    if (problems.length > 0) {
      reply({
        id: job.id,
        ok: true,
        valid: false,
        // Each problem names the schema (a limit) or a path in it, so it reads as the schema's, not the answer's.
        errors: problems,
      } satisfies SchemaReply);
      return;
    }
    reply({ id: job.id, ok: true, ...validateAnswer(job.schema, job.answer) } satisfies SchemaReply);
  } catch (e) {
    reply({ id: job.id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies SchemaReply);
  }
}

const reply = serveParent<SchemaJob, SchemaReply | { ready: true }>((job) => void handle(job));

// Loaded (ajv included): jobs' deadlines start from here, not from the process's start-up.
reply({ ready: true });
