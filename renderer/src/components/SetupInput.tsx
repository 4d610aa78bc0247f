import { useEffect, useId, useState } from 'react';
import { call } from '../api';

/** A trade's setup: free text, offered the playbooks' names so a trade lands in its playbook. */
export function SetupInput({
  value,
  onChange,
  ...rest
}: {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const listId = useId();
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    call('playbooks:list', {})
      .then((list) => live && setNames(list.map((p) => p.name)))
      // Suggestions only: without them the field still takes any setup.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return (
    <>
      <input {...rest} list={listId} value={value} placeholder="e.g. Opening range breakout" onChange={(e) => onChange(e.target.value)} />
      <datalist id={listId}>
        {names.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </>
  );
}
