import { describeIssues } from '../../core/index.ts';
import type { Sector } from '../../org/questionnaire.ts';
import { industryPackSchema, type IndustryPack, type IndustryPackInput } from './types.ts';
import { insurancePack } from './insurance.ts';
import { realEstatePack } from './real-estate.ts';
import { saasPack } from './saas.ts';
import { telecomPack } from './telecom.ts';
import { solarPack } from './solar.ts';
import { retailPack } from './retail.ts';
import { servicesPack } from './services.ts';

export * from './types.ts';

/** Every industry pack. To add one: write a data file like insurance.ts and list it here. */
const RAW_PACKS: IndustryPackInput[] = [insurancePack, realEstatePack, saasPack, telecomPack, solarPack, retailPack, servicesPack];

export const INDUSTRY_PACKS: readonly IndustryPack[] = RAW_PACKS.map((p) => {
  const r = industryPackSchema.safeParse(p);
  if (!r.success) throw new Error(`Industry pack "${p.id}" is invalid: ${describeIssues(r.error)}`);
  return r.data;
});
export const PACK_IDS = INDUSTRY_PACKS.map((p) => p.id);

/** Sectors without a pack of their own borrow the closest one. */
const SECTOR_FALLBACK: Partial<Record<Sector, string>> = { finance: 'insurance', other: 'services' };

/** The pack for a questionnaire sector (or a pack id); unknown sectors get the services pack. */
export function packFor(sectorOrId: string): IndustryPack {
  const id = INDUSTRY_PACKS.some((p) => p.id === sectorOrId) ? sectorOrId : (SECTOR_FALLBACK[sectorOrId as Sector] ?? 'services');
  return INDUSTRY_PACKS.find((p) => p.id === id)!;
}
