/** The outbox provider: "sends" by writing to the outbox, which the local outbox page shows. */
import { ulid } from 'ulid';
import type { QueuedNotification } from '../domain/notifications/delivery';
import { deliveryFields } from '../domain/notifications/render';
import type { Clock, NotificationProvider, NotificationRequest, OutboxStore, RenderedNotification } from '../ports';

export class OutboxProvider implements NotificationProvider {
  constructor(
    private readonly outbox: OutboxStore,
    private readonly clock: Clock,
  ) {}

  async send(message: RenderedNotification, request: NotificationRequest): Promise<void> {
    const { deliverAfter } = request as QueuedNotification;
    await this.outbox.put({
      id: ulid(),
      at: this.clock.now().toISOString(),
      ...deliveryFields(message, request),
      ...(deliverAfter ? { deliverAfter } : {}),
    });
  }
}
