/** Something that runs beside the bot (scheduler, backups): started after launch, stopped before the store closes. */
export interface Service {
  name: string;
  start(): void | Promise<void>;
  stop(): Promise<void>;
}
