import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // argon2 and pg are native/Node-only; keep them out of the server bundle.
  serverExternalPackages: ['argon2', 'pg', '@prisma/adapter-pg'],
  poweredByHeader: false,
};

export default nextConfig;
