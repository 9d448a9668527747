import { reviewCommuneReport, type ReviewOpts } from './province-review-step';

/** Receive (accept) a submitted commune report: it is locked; an optional comment is kept. */
export async function acceptCommuneReport(opts: ReviewOpts & { comment?: string }) {
  return reviewCommuneReport(opts, 'accept', opts.comment?.normalize('NFC').trim() || null);
}
