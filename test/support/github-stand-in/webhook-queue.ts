/**
 * Webhook deliveries: every state change enqueues an event; a single worker POSTs them, signed,
 * one after another in order, to the subscriber. All events are logged, delivered or not.
 */
import { randomUUID } from "node:crypto";
import { sign } from "@octokit/webhooks-methods";

export interface WebhookSubscriber {
  url: string;
  secret: string;
}

export interface Delivery {
  id: string;
  event: string;
  action: string | undefined;
  payload: Record<string, unknown>;
  /** HTTP status the subscriber answered; "skipped" when webhooks were off or nobody subscribed; "failed" when it could not be reached. */
  status: number | "skipped" | "failed" | "pending";
  error?: string;
}

export class WebhookQueue {
  readonly log: Delivery[] = [];
  subscriber: WebhookSubscriber | undefined;
  enabled = true;
  appId: number | undefined;
  private readonly queue: Delivery[] = [];
  private running: Promise<void> | undefined;

  enqueue(event: string, payload: Record<string, unknown>): Delivery {
    const delivery: Delivery = {
      id: randomUUID(),
      event,
      action: typeof payload.action === "string" ? payload.action : undefined,
      payload,
      status: "pending",
    };
    this.log.push(delivery);
    if (!this.enabled || this.subscriber === undefined) {
      delivery.status = "skipped";
      return delivery;
    }
    this.queue.push(delivery);
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
    return delivery;
  }

  private async drain(): Promise<void> {
    // let the HTTP answer that caused the event go out first
    await new Promise((resolve) => setImmediate(resolve));
    for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
      await this.send(next);
    }
  }

  private async send(delivery: Delivery): Promise<void> {
    const subscriber = this.subscriber;
    if (subscriber === undefined || !this.enabled) {
      delivery.status = "skipped";
      return;
    }
    const body = JSON.stringify(delivery.payload);
    try {
      const response = await fetch(subscriber.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "GitHub-Hookshot/stand-in",
          "x-github-event": delivery.event,
          "x-github-delivery": delivery.id,
          "x-github-hook-id": "1",
          "x-github-hook-installation-target-type": "integration",
          "x-github-hook-installation-target-id": String(this.appId ?? 0),
          "x-hub-signature-256": await sign(subscriber.secret, body),
        },
        body,
        signal: AbortSignal.timeout(60_000),
      });
      await response.arrayBuffer();
      delivery.status = response.status;
    } catch (error: unknown) {
      delivery.status = "failed";
      delivery.error = error instanceof Error ? error.message : String(error);
    }
  }

  /** Resolves when every enqueued delivery has been answered (including those enqueued meanwhile). */
  async waitForIdle(): Promise<void> {
    while (this.running !== undefined) await this.running;
  }
}
