import { useLookupsStore } from '../store/lookups-store';

/**
 * The <option>s of one reference list (accounts by name, instruments by symbol, tags by name),
 * valued by id: the same list in every filter and form that picks one.
 */
export function LookupOptions({ of }: { of: 'accounts' | 'instruments' | 'tags' }) {
  // Select the stored array itself: a selector returning a fresh array would re-render forever.
  const accounts = useLookupsStore((s) => s.accounts);
  const instruments = useLookupsStore((s) => s.instruments);
  const tags = useLookupsStore((s) => s.tags);
  const items =
    of === 'accounts'
      ? accounts.map((a) => [a.id, a.name] as const)
      : of === 'instruments'
        ? instruments.map((i) => [i.id, i.symbol] as const)
        : tags.map((t) => [t.id, t.name] as const);
  return (
    <>
      {items.map(([id, label]) => (
        <option key={id} value={id}>
          {label}
        </option>
      ))}
    </>
  );
}
