-- A (group, business, month) row whose orders were all refused or cancelled is no link: the summary
-- writer now deletes it when it reaches zero, and the rows left from before go here.
DELETE FROM "GroupBuyerMonth" WHERE "orders" = 0 AND "value" = 0;
