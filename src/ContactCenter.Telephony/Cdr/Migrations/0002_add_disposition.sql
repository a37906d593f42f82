-- The disposition an agent chose for the call (ACD-06), written when its classification is over: the CDR stays the one
-- record of the call. Null for calls the ACD did not route, or routed without classification.
ALTER TABLE cdr_calls ADD COLUMN disposition TEXT;
