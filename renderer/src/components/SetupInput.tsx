import { useId } from 'react';

/** A trade's setup: free text, offered the playbooks' names so a trade lands in its playbook. */
export function SetupInput({
  value,
  onChange,
  names = [],
  ...rest
}: {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  names?: string[];
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const listId = useId();
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
