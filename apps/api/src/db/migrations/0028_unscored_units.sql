-- A unit nobody scored (no self-assessment, no council score) is not ranked: its rank is null and its class empty.
ALTER TABLE "score_result" ALTER COLUMN "rank" DROP NOT NULL;
