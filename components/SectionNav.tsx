/** In-page navigation to a page's sections (dashboard, options): a labelled list of anchor links. */
export function SectionNav({ label, sections, className }: { label: string; sections: readonly (readonly [id: string, title: string])[]; className?: string }) {
  return (
    <nav aria-label={label}>
      <ul className={className}>
        {sections.map(([id, title]) => (
          <li key={id}>
            <a href={`#${id}`}>{title}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
