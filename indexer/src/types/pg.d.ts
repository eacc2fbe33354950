// pg ships without types here; the start script only needs Pool.query.
declare module "pg";
