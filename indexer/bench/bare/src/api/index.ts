// Ponder requires an API file; the bare app serves only Ponder's own /status and /ready.
import { Hono } from "hono";

export default new Hono();
