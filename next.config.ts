import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // argon2 and pg are native/Node-only; keep them out of the server bundle. The PDF font is read from
  // node_modules at run time, and nodemailer uses Node's net/tls directly.
  serverExternalPackages: ['argon2', 'pg', '@prisma/adapter-pg', 'pdf-lib', '@pdf-lib/fontkit', 'dejavu-fonts-ttf', 'nodemailer'],
  poweredByHeader: false,
  // gzip in the app process cost a fifth of its CPU under load (bench:load): compression belongs to the
  // reverse proxy or CDN in front of it, which also serves it for static files.
  compress: false,
};

export default nextConfig;
