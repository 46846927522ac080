import Link from 'next/link';

// Requests outside any locale (rare: the proxy localises every page route) end here.
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui', background: '#020617', color: '#f8fafc', padding: '2rem' }}>
        <h1>404</h1>
        <Link href="/" style={{ color: '#a5b4fc' }}>
          Levqor
        </Link>
      </body>
    </html>
  );
}
