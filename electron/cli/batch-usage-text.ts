/** The batch command's usage lines, apart from its parser so `glimpse --help` loads nothing of the batch code. */
export const BATCH_USAGE = `  glimpse batch --in DIR|GLOB... (--prompt TEXT | --preset NAME) [--json-schema FILE] --out DIR
              [--provider ID] [--base-url URL] [--model ID] [--api-key KEY] [--thinking on|off] [--budget N]
              [--concurrency N] [--max-cost USD] [--yes] [--format md|json|csv|jsonl] [--json]
              [--via chat|batch-api] [--data-dir DIR]
  glimpse batch --resume ID [--yes] [--retry-failed] [--json]     glimpse batch --list`;
