import Link from "next/link";

/** An account linked to its explorer page, by its registry name when it has one. */
export function AddressLink({ address, name }: { address: string; name?: string | null }) {
  return (
    <Link href={`/address/${address}`} className="underline" title={address}>
      {name ? (
        <>
          {name}{" "}
          <span className="font-mono text-xs">
            ({address.slice(0, 6)}…{address.slice(-4)})
          </span>
        </>
      ) : (
        <span className="break-all font-mono text-xs">{address}</span>
      )}
    </Link>
  );
}
