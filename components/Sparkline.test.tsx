// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { TrendPoint } from '../ui/trend';
import { Sparkline } from './Sparkline';
import { cleanup, render } from './testing';

afterEach(cleanup);

const p = (month: string, score: number | null, colour: TrendPoint['colour']): TrendPoint => ({ month, score, colour, live: false });

describe('Sparkline — colour is never the only cue', () => {
  it('the label names the colour of every coloured dot (latest month and lone months), and only those', async () => {
    const points = [p('2026-08', 40, 'red'), p('2026-09', null, 'nodata'), p('2026-10', 70, 'yellow'), p('2026-11', 88, 'green')];
    const { container } = await render(<Sparkline points={points} label="Engagement trend" />);
    const svg = container.querySelector('svg.sparkline')!;
    const dots = [...svg.querySelectorAll('circle.spark-dot')].map((c) => c.getAttribute('class'));
    expect(dots).toEqual(['spark-dot spark-dot--red', 'spark-dot spark-dot--green']);
    expect(svg.getAttribute('aria-label')).toBe('Engagement trend: 3 of 4 months with data, from 40 (2026-08) to 88 (2026-11); 2026-08 Red, 2026-11 Green');
    expect(svg.querySelector('title')?.textContent).toBe(svg.getAttribute('aria-label'));
  });

  it('no data: no dots, no colour words', async () => {
    const { container } = await render(<Sparkline points={[p('2026-10', null, 'nodata'), p('2026-11', null, 'nodata')]} label="DMI trend" />);
    expect(container.querySelectorAll('circle')).toHaveLength(0);
    expect(container.querySelector('svg')?.getAttribute('aria-label')).toBe('DMI trend: no data in the last 2 months');
  });
});
