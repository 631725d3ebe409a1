-- add column order.user
ALTER TABLE "ORDER" ADD COLUMN "USER" BIGINT;
-- inverse: drop column order.user
ALTER TABLE "ORDER" DROP COLUMN "USER";
