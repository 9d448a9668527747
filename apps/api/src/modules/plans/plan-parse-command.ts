import fs from 'node:fs';
import path from 'node:path';
import type { PlanParseResult } from '@tds/contracts';
import { normalisePlanText, parsePlanText } from './parser';
import { extractText } from './parser/read-file';
import { CliError, type CliCommand } from '../../platform/module';

/** Parse a plan file into the exchange structure; opens no database. Throws CliError when unreadable or not a plan. */
export async function parsePlanFile(file: string): Promise<PlanParseResult> {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch {
    throw new CliError(`Không đọc được tệp "${file}".`);
  }
  const got = await extractText(buffer, path.basename(file));
  if ('error' in got) throw new CliError(got.message);
  const result = parsePlanText(normalisePlanText(got.text));
  if (!result.plan && !result.decision) {
    throw new CliError(result.warnings.find((w) => w.code === 'NOT_A_PLAN')?.message ?? 'Tệp không chứa nội dung giống một kế hoạch.');
  }
  return result;
}

/** `plan parse FILE`: the structure as JSON on stdout, nothing else there. */
export const planParseCommand: CliCommand = {
  name: 'plan',
  usage: ['plan parse FILE          Đọc kế hoạch (.docx, .pdf, .txt, .md) và in cấu trúc JSON ra stdout', '                         (không mở cơ sở dữ liệu)'],
  needsDatabase: false,
  async run(args, { log }) {
    if (args[0] !== 'parse' || args.length !== 2) throw new CliError('Cách dùng: plan parse FILE');
    const result = await parsePlanFile(args[1]!);
    for (const w of result.warnings) log(`Cảnh báo: ${w.message}`);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  },
};
