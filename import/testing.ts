/** CSV fixtures shared by the import tests. */

/** A ConnectWise service-ticket export: BOM, CRLF, quoted commas, a summary with a line break, US 12 h dates. */
export const CW_CSV =
  '\uFEFF"Ticket #","Company","Company ID","Summary","Board","Type","Priority","Status","Date Entered","Date Responded","Resolved Date","Closed Date","Met SLA"\r\n' +
  '284511,"Contoso, Ltd.",Contoso,"Outlook asks for password, again",Help Desk,Email,Priority 3 - Normal Response,Closed,11/16/2026 8:42 AM,11/16/2026 9:05 AM,11/16/2026 3:30 PM,11/17/2026 10:00 AM,Yes\r\n' +
  '284512,Fabrikam Inc,Fabrikam,"Printer on 2nd floor\r\nshows ""offline""",Help Desk,Hardware,Priority 2 - Quick Response,In Progress,11/18/2026 1:15 PM,11/18/2026 2:40 PM,,,No\r\n' +
  '284513,"Contoso, Ltd.",Contoso,New starter laptop,Projects,Onboarding,Priority 4 - Low,New,11/20/2026 4:05 PM,,,,\r\n';
