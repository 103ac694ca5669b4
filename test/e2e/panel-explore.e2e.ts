import { test } from '@playwright/test';
import { startDemoServer } from '../../demo/server';
import { launchExtension } from './harness';
test('explore', async () => {
  const demo = await startDemoServer({ port: 0 });
  const s = await launchExtension();
  const psa = await s.context.newPage();
  const cdp = await s.context.newCDPSession(psa);
  cdp.on('Debugger.paused', async (e: any) => {
    const f = e.callFrames[0];
    console.log('PAUSED', e.reason, JSON.stringify(e.data?.description ?? e.data).slice(0, 500), f?.url, f?.functionName, f?.location?.lineNumber, f?.location?.columnNumber);
    await cdp.send('Debugger.resume').catch(() => {});
  });
  await cdp.send('Debugger.enable');
  await cdp.send('Debugger.setPauseOnExceptions', { state: 'all' });
  await psa.goto(`${demo.url}/Mvc/ServiceDesk/TicketDetail.mvc?workspace=False&ticketId=29711044`);
  await new Promise(r => setTimeout(r, 6000));
  await s.close(); await demo.close();
});
