/**
 * Whether the bot should receive traffic: every named condition must hold (the knowledge loaded, the gateway
 * connected where it is used, not shutting down). A load balancer or Kubernetes reads it through `GET /readyz`.
 */
export class Readiness {
  private readonly unmet = new Set<string>();

  constructor(initiallyUnmet: readonly string[]) {
    for (const condition of initiallyUnmet) this.unmet.add(condition);
  }

  set(condition: string, met: boolean): void {
    if (met) this.unmet.delete(condition);
    else this.unmet.add(condition);
  }

  get ready(): boolean {
    return this.unmet.size === 0;
  }

  /** The conditions still unmet, for the 503 body (e.g. `["gateway"]`). */
  waitingFor(): string[] {
    return [...this.unmet];
  }
}
