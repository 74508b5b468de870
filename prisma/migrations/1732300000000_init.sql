-- Up Migration

CREATE TABLE companies (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug          text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name          text NOT NULL,
  time_zone     text NOT NULL,
  base_currency char(3) NOT NULL CHECK (base_currency ~ '^[A-Z]{3}$'),
  settings      jsonb NOT NULL DEFAULT '{}',
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email         text NOT NULL UNIQUE CHECK (email = lower(email)),
  name          text NOT NULL,
  password_hash text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberships (
  company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  user_id    uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role       text NOT NULL CHECK (role IN ('admin', 'member')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE locations (
  company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  id         uuid NOT NULL DEFAULT gen_random_uuid(),
  name       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, id),
  UNIQUE (company_id, name)
);

CREATE TABLE location_permissions (
  company_id  uuid NOT NULL,
  user_id     uuid NOT NULL,
  location_id uuid NOT NULL,
  permission  text NOT NULL CHECK (permission IN ('invoices.view', 'invoices.modify')),
  PRIMARY KEY (company_id, user_id, location_id, permission),
  FOREIGN KEY (company_id, user_id) REFERENCES memberships (company_id, user_id) ON DELETE CASCADE,
  FOREIGN KEY (company_id, location_id) REFERENCES locations (company_id, id) ON DELETE CASCADE
);

CREATE TABLE customers (
  company_id          uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  id                  uuid NOT NULL DEFAULT gen_random_uuid(),
  name                text NOT NULL CHECK (length(trim(name)) > 0),
  email               text,
  address_line1       text,
  address_line2       text,
  city                text,
  region              text,
  postal_code         text,
  country             char(2),
  default_location_id uuid,
  created_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, id),
  FOREIGN KEY (company_id, default_location_id) REFERENCES locations (company_id, id)
);
-- Stable name order for the aging page and the customer search.
CREATE INDEX customers_name_idx ON customers (company_id, name, id);

CREATE TABLE invoices (
  company_id     uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  id             uuid NOT NULL DEFAULT gen_random_uuid(),
  number         text NOT NULL CHECK (length(trim(number)) > 0),
  customer_id    uuid NOT NULL,
  location_id    uuid NOT NULL,
  invoice_date   date NOT NULL,
  due_date       date NOT NULL,
  currency       char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  amount_minor   bigint NOT NULL CHECK (amount_minor >= 0),
  balance_minor  bigint NOT NULL CHECK (balance_minor >= 0 AND balance_minor <= amount_minor),
  status         text NOT NULL CHECK (status IN ('draft', 'open', 'paid', 'void')),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, id),
  UNIQUE (company_id, number),
  FOREIGN KEY (company_id, customer_id) REFERENCES customers (company_id, id),
  FOREIGN KEY (company_id, location_id) REFERENCES locations (company_id, id)
);
-- The aging aggregate reads only open invoices with a balance, narrowed by company, currency and
-- location, grouped by customer: a partial covering index lets it run as an index-only scan.
CREATE INDEX invoices_aging_idx ON invoices (company_id, currency, location_id, customer_id)
  INCLUDE (invoice_date, due_date, balance_minor)
  WHERE status = 'open' AND balance_minor > 0;
CREATE INDEX invoices_customer_idx ON invoices (company_id, customer_id, due_date);

CREATE TABLE aging_schemes (
  company_id uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  id         uuid NOT NULL DEFAULT gen_random_uuid(),
  name       text NOT NULL,
  is_active  boolean NOT NULL DEFAULT true,
  -- {"pendingLabel", "currentLabel", "periods": [{"label", "maxDays" (null on the last)}]}
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, id)
);
CREATE UNIQUE INDEX aging_schemes_one_active ON aging_schemes (company_id) WHERE is_active;

CREATE TABLE api_tokens (
  company_id   uuid NOT NULL,
  id           uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id      uuid NOT NULL,
  name         text NOT NULL CHECK (length(trim(name)) > 0),
  token_hash   text NOT NULL UNIQUE,
  token_prefix text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at   timestamptz,
  PRIMARY KEY (company_id, id),
  FOREIGN KEY (company_id, user_id) REFERENCES memberships (company_id, user_id) ON DELETE CASCADE
);

CREATE TABLE audit_logs (
  company_id  uuid NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id     uuid REFERENCES users(id) ON DELETE SET NULL,
  action      text NOT NULL,
  target_type text,
  target_id   text,
  details     jsonb NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (company_id, id)
);
CREATE INDEX audit_logs_company_time_idx ON audit_logs (company_id, created_at DESC);

-- Down Migration

DROP TABLE audit_logs;
DROP TABLE api_tokens;
DROP TABLE aging_schemes;
DROP TABLE invoices;
DROP TABLE customers;
DROP TABLE location_permissions;
DROP TABLE locations;
DROP TABLE memberships;
DROP TABLE users;
DROP TABLE companies;
