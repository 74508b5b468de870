/**
 * Set-based SQL for the benchmark company: every row comes from generate_series, and every "random" choice
 * is a hash of the row number and a salt, so the data is the same on every run and nothing crosses the wire
 * row by row. Ids are md5 hashes of the row number, so invoices can name their customer and location
 * without a join.
 */

/** A deterministic pseudo-random non-negative integer (< 2^31) for row `expr` and `salt`. */
export const h = (expr: string, salt: number) => `(hashint8extended((${expr})::bigint, ${salt}) & 2147483647)::int`;
/** A pseudo-random element of the array parameter `arr`. */
const pick = (arr: string, expr: string, salt: number) => `(${arr})[1 + ${h(expr, salt)} % cardinality(${arr})]`;

export const locationId = (n: string) => `md5('bench-location-' || (${n}))::uuid`;
export const customerId = (n: string) => `md5('bench-customer-' || (${n}))::uuid`;
/** The default location of customer `c` (1-based location number). */
const defaultLocationOf = (c: string) => `(1 + ${h(c, 7)} % $2::int)`;

/** $1 company id, $2 location names (text[]). */
export const INSERT_LOCATIONS = `
INSERT INTO locations (company_id, id, name)
SELECT $1, ${locationId('t.n')}, t.name FROM unnest($2::text[]) WITH ORDINALITY AS t(name, n)`;

/**
 * $1 company id, $2 location count, $3 customer count, $4..$9 word lists (prefixes, industries, suffixes,
 * surnames, streets, street types), $10..$12 cities, regions, ZIP prefixes (parallel arrays).
 * Every 50th customer is Canadian and billed in CAD.
 */
export const INSERT_CUSTOMERS = `
INSERT INTO customers (company_id, id, name, email, address_line1, address_line2, city, region, postal_code, country, default_location_id)
SELECT $1, ${customerId('g')},
  CASE ${h('g', 1)} % 4
    WHEN 0 THEN ${pick('$4::text[]', 'g', 2)} || ' ' || ${pick('$5::text[]', 'g', 3)}
    WHEN 1 THEN ${pick('$4::text[]', 'g', 2)} || ' ' || ${pick('$5::text[]', 'g', 3)} || ' ' || ${pick('$6::text[]', 'g', 4)}
    WHEN 2 THEN ${pick('$7::text[]', 'g', 2)} || ' & ' || ${pick('$7::text[]', 'g', 3)} || ' ' || ${pick('$6::text[]', 'g', 4)}
    ELSE ${pick('$7::text[]', 'g', 2)} || ' ' || ${pick('$5::text[]', 'g', 3)}
  END,
  CASE WHEN ${h('g', 5)} % 25 = 0 THEN NULL ELSE 'ap+' || g || '@customer-' || g || '.example' END,
  (1 + ${h('g', 6)} % 9899) || ' ' || ${pick('$8::text[]', 'g', 8)} || ' ' || ${pick('$9::text[]', 'g', 9)},
  CASE WHEN ${h('g', 10)} % 5 = 0 THEN 'Suite ' || (100 + ${h('g', 11)} % 900) END,
  CASE WHEN g % 50 = 0 THEN 'Toronto' ELSE ($10::text[])[1 + ${h('g', 12)} % cardinality($10::text[])] END,
  CASE WHEN g % 50 = 0 THEN 'ON' ELSE ($11::text[])[1 + ${h('g', 12)} % cardinality($10::text[])] END,
  CASE WHEN g % 50 = 0 THEN 'M5J 2W4' ELSE ($12::text[])[1 + ${h('g', 12)} % cardinality($10::text[])] || lpad((${h('g', 13)} % 100)::text, 2, '0') END,
  CASE WHEN g % 50 = 0 THEN 'CA' ELSE 'US' END,
  ${locationId(defaultLocationOf('g'))}
FROM generate_series(1, $3::int) AS g`;

/**
 * $1 company id, $2 location count, $3 customer count, $4 first and $5 last invoice number (1-based),
 * $6 today (date), $7 width of the zero-padded invoice number, $8 the bill source ids (each invoice takes one).
 *
 * Buckets by share: 5% pending, 30% current, 22% 1-30, 14% 31-60, 10% 61-90, 19% 91+ (up to 720 days).
 * Status: 70% open (a fifth of those partly paid), 27% paid, 3% void; pending invoices (dated after today) are
 * always open and unpaid, so every payment is dated today or earlier.
 * A fifth of the invoices go to the first tenth of the customers (big accounts); 92% are billed at the
 * customer's default location.
 */
export const INSERT_INVOICES = `
INSERT INTO invoices (company_id, id, number, customer_id, location_id, invoice_date, due_date, currency, amount_minor, balance_minor, status, bill_source_id)
SELECT $1, md5('bench-invoice-' || g)::uuid, 'INV-' || lpad(g::text, $7::int, '0'), ${customerId('c')},
  CASE WHEN hl % 100 < 92 THEN ${locationId(defaultLocationOf('c'))} ELSE ${locationId(`1 + hl / 100 % $2::int`)} END,
  due_date - terms, due_date,
  CASE WHEN c % 50 = 0 THEN 'CAD' ELSE 'USD' END,
  amount,
  CASE WHEN status <> 'open' THEN 0
       WHEN due_date - terms > $6::date THEN amount
       WHEN hp % 100 < 20 THEN least(amount - 1, greatest(1, amount * (10 + hp / 100 % 81) / 100))
       ELSE amount END,
  status,
  ($8::uuid[])[1 + ${h('g', 29)} % cardinality($8::uuid[])]
FROM (
  SELECT g, c, terms, hl, hp,
    CASE WHEN hb < 5 THEN $6::date + 1 + hd % 21 + terms
         WHEN hb < 35 THEN $6::date + hd % (terms + 1)
         WHEN hb < 57 THEN $6::date - (1 + hd % 30)
         WHEN hb < 71 THEN $6::date - (31 + hd % 30)
         WHEN hb < 81 THEN $6::date - (61 + hd % 30)
         ELSE $6::date - (91 + hd % 630) END AS due_date,
    CASE WHEN ha % 10 < 4 THEN (ARRAY[2999, 3999, 4999, 7999, 12999, 24999])[1 + ha / 10 % 6]
         ELSE round(exp(ln(7500) + (ha / 10 % 1000000) / 1000000.0 * (ln(2500000) - ln(7500))))::bigint END AS amount,
    CASE WHEN hb < 5 OR hs % 1000 < 700 THEN 'open' WHEN hs % 1000 < 970 THEN 'paid' ELSE 'void' END AS status
  FROM (
    SELECT g,
      CASE WHEN hc % 5 = 0 THEN 1 + hc / 5 % greatest(1, $3::int / 10) ELSE 1 + hc / 5 % $3::int END AS c,
      (ARRAY[15, 30, 30, 30, 45, 60])[1 + ${h('g', 21)} % 6] AS terms,
      ${h('g', 22)} % 100 AS hb, ${h('g', 23)} AS hd, ${h('g', 24)} AS ha,
      ${h('g', 25)} AS hs, ${h('g', 26)} AS hp, ${h('g', 27)} AS hl
    FROM (SELECT g, ${h('g', 20)} AS hc FROM generate_series($4::int, $5::int) AS g) AS s0
  ) AS s1
) AS s2`;

/**
 * Line items for invoices numbered $2..$3 of company $1: one to three lines that add up to the amount exactly
 * (equipment lines at half the amount shared between them, labor takes the rest).
 */
export const INSERT_INVOICE_LINES = `
INSERT INTO invoice_lines (company_id, invoice_id, position, description, quantity, unit_price_minor, line_total_minor)
SELECT $1, i.id, n,
  CASE WHEN n = k THEN 'Installation and service'
       ELSE (ARRAY['Motion sensor', 'Door/window contact', 'Keypad', 'Indoor camera', 'Smoke detector'])[1 + (g + n) % 5] END,
  1, part, part
FROM (
  SELECT g, md5('bench-invoice-' || g)::uuid AS id, 1 + ${h('g', 28)} % 3 AS k
  FROM generate_series($2::int, $3::int) AS g
) AS s
JOIN invoices i ON i.company_id = $1 AND i.id = s.id
CROSS JOIN LATERAL generate_series(1, s.k) AS n
CROSS JOIN LATERAL (SELECT CASE WHEN n < s.k THEN i.amount_minor / (2 * s.k)
                                ELSE i.amount_minor - (s.k - 1) * (i.amount_minor / (2 * s.k)) END AS part) AS p`;

/**
 * The payment behind each paid or part-paid invoice numbered $2..$3 of company $1 ($4 today): received by the
 * due date or today, whichever is earlier, and applied in full to that invoice (INSERT_PAYMENT_APPLICATIONS),
 * so every balance is its amount less what was applied.
 */
export const INSERT_INVOICE_PAYMENTS = `
INSERT INTO payments (company_id, id, customer_id, currency, amount_minor, unapplied_minor, received_on, reference, method)
SELECT i.company_id, md5('bench-payment-' || g)::uuid, i.customer_id, i.currency, i.amount_minor - i.balance_minor, 0,
  greatest(i.invoice_date, least(i.due_date, $4::date) - ${h('g', 29)} % 10), 'PAY-' || g, 'bank_transfer'
FROM generate_series($2::int, $3::int) AS g
JOIN invoices i ON i.company_id = $1 AND i.id = md5('bench-invoice-' || g)::uuid
WHERE i.status <> 'void' AND i.balance_minor < i.amount_minor`;

/** $1 company id, $2 and $3 the invoice numbers of INSERT_INVOICE_PAYMENTS. */
export const INSERT_PAYMENT_APPLICATIONS = `
INSERT INTO applications (company_id, id, invoice_id, payment_id, amount_minor, applied_on)
SELECT p.company_id, md5('bench-application-' || g)::uuid, md5('bench-invoice-' || g)::uuid, p.id, p.amount_minor, p.received_on
FROM generate_series($2::int, $3::int) AS g
JOIN payments p ON p.company_id = $1 AND p.id = md5('bench-payment-' || g)::uuid`;

/**
 * Money on account: one unapplied payment from each of about 1% of the $2 customers of company $1, received
 * in the 60 days before $3 (today), in the customer's currency: the aging page's Unapplied column.
 */
export const INSERT_ON_ACCOUNT_PAYMENTS = `
INSERT INTO payments (company_id, id, customer_id, currency, amount_minor, unapplied_minor, received_on, reference, method)
SELECT $1, md5('bench-on-account-' || c)::uuid, ${customerId('c')}, CASE WHEN c % 50 = 0 THEN 'CAD' ELSE 'USD' END,
  amount, amount, $3::date - ${h('c', 31)} % 60, 'ACC-' || c, 'check'
FROM (SELECT c, 1000 + ${h('c', 32)} % 200000 AS amount FROM generate_series(1, $2::int) AS c) AS s
WHERE ${h('c', 30)} % 100 = 0`;
