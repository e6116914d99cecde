-- Roam users. Identity lives in Cognito; this row is the app's view of the person.
-- Text columns with CHECK constraints stand in for enums throughout the schema: the Data API
-- binds string parameters as text, and a text column takes them without casts.

CREATE TABLE users (
  id             uuid        NOT NULL DEFAULT gen_random_uuid(),
  cognito_sub    text        NOT NULL,
  email          text        NOT NULL,
  name           text        NOT NULL,
  home_currency  char(3)     NOT NULL DEFAULT 'USD',
  signed_up_at   timestamptz NOT NULL DEFAULT now(),
  referral_code  text        NOT NULL,
  -- Set together with the referral_redemptions row when the user redeems a friend's code.
  referred_by    uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_pkey PRIMARY KEY (id),
  CONSTRAINT users_cognito_sub_key UNIQUE (cognito_sub),
  CONSTRAINT users_referral_code_key UNIQUE (referral_code),
  CONSTRAINT users_referred_by_fkey FOREIGN KEY (referred_by) REFERENCES users (id),
  CONSTRAINT users_not_self_referred CHECK (referred_by IS NULL OR referred_by <> id),
  CONSTRAINT users_home_currency_iso CHECK (home_currency ~ '^[A-Z]{3}$'),
  CONSTRAINT users_referral_code_format CHECK (referral_code ~ '^[A-Z0-9]{6,16}$'),
  CONSTRAINT users_name_not_blank CHECK (length(btrim(name)) > 0),
  CONSTRAINT users_email_format CHECK (position('@' IN email) > 1)
);

-- One account per address, whatever the letter case.
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
CREATE INDEX users_referred_by_idx ON users (referred_by) WHERE referred_by IS NOT NULL;
