/**
 * The sample portfolio's clients. The sample generator, the demo PSA pages and the M365 demo tenants
 * all use these, so a demo page read in the browser lands on the same account the sample bundle has.
 * Index order is stable: `SAMPLE_CLIENTS[i]` is account `acct-${String(i + 1).padStart(3, '0')}`.
 */
export interface SampleClient {
  name: string;
  /** Spelling variants the PSAs use ("Contoso, Ltd." vs "Contoso Ltd"). */
  aliases: string[];
  /** ConnectWise company identifier, Autotask account id, HaloPSA client id. */
  cwIdentifier: string;
  autotaskId: number;
  haloId: number;
  /** M365 primary domain of the client's tenant. */
  domain: string;
}

const RAW: Array<[string, string[], string]> = [
  ['Contoso Ltd', ['Contoso, Ltd.', 'Contoso Limited'], 'contoso.com'],
  ['Northwind Traders', ['Northwind Traders Inc.'], 'northwindtraders.com'],
  ['Fabrikam, Inc.', ['Fabrikam Inc'], 'fabrikam.com'],
  ['Adatum Corporation', ['A. Datum Corporation', 'Adatum Corp'], 'adatum.com'],
  ['Litware Legal LLP', ['Litware Legal'], 'litwarelegal.com'],
  ['Tailspin Toys', ['Tailspin Toys Co.'], 'tailspintoys.com'],
  ['Wingtip Dental Group', ['Wingtip Dental'], 'wingtipdental.com'],
  ['Proseware Health', ['Proseware Health PLLC'], 'prosewarehealth.com'],
  ['Müller & Söhne GmbH', ['Mueller und Soehne GmbH', 'Müller und Söhne'], 'mueller-soehne.de'],
  ['Café Lumière SARL', ['Cafe Lumiere'], 'cafelumiere.fr'],
  ['Åsgård Logistics AB', ['Asgard Logistics'], 'asgardlogistics.se'],
  ['Blue Yonder Airlines', ['Blue Yonder Air'], 'blueyonderairlines.com'],
  ['Coho Vineyard & Winery', ['Coho Vineyard'], 'cohovineyard.com'],
  ['Fourth Coffee', ['Fourth Coffee LLC'], 'fourthcoffee.com'],
  ['Graphic Design Institute', ['GDI'], 'graphicdesigninstitute.com'],
  ['Humongous Insurance', ['Humongous Insurance Agency'], 'humongousinsurance.com'],
  ['Lucerne Publishing', ['Lucerne Publishing House'], 'lucernepublishing.com'],
  ['Margie’s Travel', ["Margie's Travel", 'Margies Travel'], 'margiestravel.com'],
  ['Nod Publishers', ['Nod Publishers Ltd'], 'nodpublishers.com'],
  ['Relecloud', ['Relecloud Inc.'], 'relecloud.com'],
  ['School of Fine Art', ['SOFA'], 'fineartschool.net'],
  ['Southridge Video', ['Southridge Video Productions'], 'southridgevideo.com'],
  ['Trey Research', ['Trey Research Inc.'], 'treyresearch.net'],
  ['VanArsdel, Ltd.', ['VanArsdel Ltd'], 'vanarsdelltd.com'],
  ['Wide World Importers', ['WWI', 'Wide World Importers Ltd.'], 'wideworldimporters.com'],
  ['Woodgrove Bank', ['Woodgrove Bank N.A.'], 'woodgrovebank.com'],
  ['Alpine Ski House', ['Alpine Ski House LLC'], 'alpineskihouse.com'],
  ['Bellows College', ['Bellows College Foundation'], 'bellowscollege.edu'],
  ['Best For You Organics', ['Best For You Organics Company'], 'bestforyouorganic.com'],
  ['City Power & Light', ['City Power and Light'], 'citypowerlight.com'],
  ['Consolidated Messenger', ['Consolidated Messenger Inc'], 'consolidatedmessenger.com'],
  ['First Up Consultants', ['FirstUp Consultants'], 'firstupconsultants.com'],
  ['Lamna Healthcare', ['Lamna Healthcare Company'], 'lamnahealthcare.com'],
  ['Munson’s Pickles and Preserves', ["Munson's Pickles"], 'munsonspickles.com'],
  ['Olympia Sports', ['Olympia Sports Ltd'], 'olympiasports.net'],
  ['Rhodes Family Clinic', ['Rhodes Clinic'], 'rhodesclinic.com'],
  ['São Paulo Têxtil Ltda', ['Sao Paulo Textil'], 'sptextil.com.br'],
  ['Zürich Präzision AG', ['Zurich Prazision AG'], 'zh-praezision.ch'],
  ['Kraków Dental Sp. z o.o.', ['Krakow Dental'], 'krakowdental.pl'],
  ['Tokyo Sakura Trading 株式会社', ['Tokyo Sakura Trading'], 'sakura-trading.jp'],
];

export const SAMPLE_CLIENTS: readonly SampleClient[] = RAW.map(([name, aliases, domain], i) => ({
  name,
  aliases,
  cwIdentifier: name.replace(/[^A-Za-z0-9]/g, '').slice(0, 12) || `Client${i + 1}`,
  autotaskId: 29683400 + i * 7,
  haloId: 100 + i,
  domain,
}));

export const sampleAccountId = (index: number): string => `acct-${String(index + 1).padStart(3, '0')}`;
