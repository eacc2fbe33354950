"use client";

export { PageError as default } from "@/components/PageError";
