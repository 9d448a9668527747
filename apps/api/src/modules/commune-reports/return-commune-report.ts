import { reviewCommuneReport, type ReviewOpts } from './province-review-step';

/** Return a submitted commune report with the province's comment (required); the commune corrects and resubmits. */
export async function returnCommuneReport(opts: ReviewOpts & { comment: string }) {
  return reviewCommuneReport(opts, 'return', opts.comment.normalize('NFC').trim() || null);
}
