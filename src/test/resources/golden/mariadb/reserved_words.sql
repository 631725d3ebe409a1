-- add column order.user
ALTER TABLE `order` ADD COLUMN `user` BIGINT;
-- inverse: drop column order.user
ALTER TABLE `order` DROP COLUMN `user`;
