import { Prng } from './prng';
import type { LoadClient } from './load-client';
import type { LoadCustomer, Persona } from './load-personas';
import { readAgingPage, readCustomer, readDenied, readExport } from './load-reads';
import { writeSomething } from './load-writes';

/** Where each customer sits in a persona's aging sorted by name, and how many pages that is. */
export interface PageLayout {
  totalPages: number;
  pageByName: Map<string, number>;
}

export interface VirtualUser {
  id: number;
  client: LoadClient;
  persona: Persona;
  rng: Prng;
  layout: PageLayout;
  /** Customers only this virtual user writes to, so it knows exactly what its writes must change. */
  owned: LoadCustomer[];
  /** Unique per run: payment references and credit note reasons start with it. */
  runId: string;
  seq: number;
}

/**
 * Gives every customer that some writer may modify to exactly one of the virtual users allowed to (round robin
 * in id order), so a before/after comparison never sees another user's write to the same customer.
 */
export function assignOwners(vus: VirtualUser[]): void {
  const writers = vus.filter((vu) => vu.persona.modifiable.length > 0);
  const candidates = new Map<string, { customer: LoadCustomer; vus: VirtualUser[] }>();
  for (const vu of writers) {
    for (const customer of vu.persona.modifiable) {
      const entry = candidates.get(customer.id) ?? { customer, vus: [] };
      entry.vus.push(vu);
      candidates.set(customer.id, entry);
    }
  }
  let next = 0;
  for (const [, { customer, vus: allowed }] of [...candidates].sort(([a], [b]) => a.localeCompare(b))) {
    allowed[next++ % allowed.length]!.owned.push(customer);
  }
}

/** Relative weights of what a virtual user does next; writes only for owners of some customer. */
const STEPS: { weight: number; run: (vu: VirtualUser) => Promise<unknown>; writer?: true }[] = [
  { weight: 16, run: (vu) => readAgingPage(vu, 'name') },
  { weight: 10, run: (vu) => readAgingPage(vu, '-total') },
  { weight: 10, run: (vu) => readAgingPage(vu, 'oldest') },
  { weight: 10, run: (vu) => readAgingPage(vu, 'search') },
  { weight: 8, run: (vu) => readAgingPage(vu, 'asOf') },
  { weight: 24, run: (vu) => readCustomer(vu) },
  { weight: 2, run: (vu) => readExport(vu) },
  { weight: 4, run: (vu) => readDenied(vu) },
  { weight: 10, run: (vu) => writeSomething(vu), writer: true },
];

/** Runs steps back to back (no think time) until `deadline` (ms since the epoch). */
export async function runVirtualUser(vu: VirtualUser, deadline: number): Promise<void> {
  const steps = STEPS.filter((s) => !s.writer || vu.owned.length > 0);
  const weights = steps.map((s) => s.weight);
  while (Date.now() < deadline) {
    await steps[vu.rng.weighted(weights)]!.run(vu);
  }
}
