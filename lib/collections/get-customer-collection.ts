import 'server-only';
import { prisma } from '@/lib/db/client';
import { calendarDateOf, type CalendarDate } from '@/lib/aging/calendar-date';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { visibleCustomerSql } from '@/lib/auth/visible-customers';
import { notFound } from '@/lib/errors/app-error';
import { effectiveCollectorSql } from './effective-collector-sql';
import { listCollectors } from './list-collectors';

export interface CustomerCollectionView {
  customerId: string;
  /** Set on the customer itself; null: it follows its default location's. */
  collectorId: string | null;
  /** Who collects: its own, else its default location's. */
  collector: { id: string; name: string } | null;
  /** The default location's collector, who collects when the customer has none of its own. */
  locationCollector: { id: string; name: string } | null;
  nextAction: string | null;
  nextActionOn: CalendarDate | null;
  remindersOptOut: boolean;
  lastContactAt: string | null;
  lastContactKind: string | null;
  /** The company's members, to choose a collector from. */
  members: { id: string; name: string }[];
}

/** A visible customer's collection settings, for its page; NOT_FOUND otherwise. */
export async function getCustomerCollection(access: CompanyAccess, customerId: string): Promise<CustomerCollectionView> {
  const co = access.company.id;
  const [c] = await prisma.$queryRaw<
    {
      collector_id: string | null;
      effective: string | null;
      effective_name: string | null;
      location_collector: string | null;
      location_collector_name: string | null;
      next_action: string | null;
      next_action_on: Date | null;
      reminders_opt_out: boolean;
      last_contact_at: Date | null;
      last_contact_kind: string | null;
    }[]
  >`
    SELECT c.collector_id, x.effective, u.name AS effective_name, l.collector_id AS location_collector, lu.name AS location_collector_name, c.next_action, c.next_action_on, c.reminders_opt_out, c.last_contact_at,
      c.last_contact_kind
    FROM customers c CROSS JOIN LATERAL (SELECT ${effectiveCollectorSql('c')} AS effective) x LEFT JOIN users u ON u.id = x.effective
      LEFT JOIN locations l ON l.company_id = c.company_id AND l.id = c.default_location_id LEFT JOIN users lu ON lu.id = l.collector_id
    WHERE c.id = ${customerId}::uuid AND ${visibleCustomerSql(access, 'c')}`;
  if (!c) throw notFound('Customer');
  const members = await listCollectors(co);
  return {
    customerId,
    collectorId: c.collector_id,
    collector: c.effective ? { id: c.effective, name: c.effective_name ?? '' } : null,
    locationCollector: c.location_collector ? { id: c.location_collector, name: c.location_collector_name ?? '' } : null,
    nextAction: c.next_action,
    nextActionOn: c.next_action_on ? calendarDateOf(c.next_action_on) : null,
    remindersOptOut: c.reminders_opt_out,
    lastContactAt: c.last_contact_at?.toISOString() ?? null,
    lastContactKind: c.last_contact_kind,
    members,
  };
}
