package io.invitations.core;

import io.invitations.core.internal.Claiming;
import io.invitations.core.internal.Context;
import io.invitations.core.internal.Conversion;
import io.invitations.core.internal.Departures;
import io.invitations.core.internal.Erasing;
import io.invitations.core.internal.Feedback;
import io.invitations.core.internal.Inviting;
import io.invitations.core.internal.Linking;
import io.invitations.core.internal.Managing;
import io.invitations.core.internal.Messaging;
import io.invitations.core.internal.Redeeming;
import io.invitations.core.internal.Reminders;
import io.invitations.core.internal.Reporting;
import io.invitations.core.internal.Syncing;
import io.invitations.core.internal.WaysIn;
import io.invitations.core.observe.InvitationObserver;

/**
 * The engine's parts the three audiences share: built once by {@link InvitationService.Builder} and
 * held by {@link InvitationService}, its {@link InviteeActions}, {@link InvitationMaintenance} and
 * every {@link InvitationAdministration} it binds.
 */
final class Engine {
    final Context ctx;
    final Inviting inviting;
    final Managing managing;
    final Claiming claiming;
    final Reporting reporting;
    final Redeeming redeeming;
    final Linking linking;
    final Syncing syncing;
    final Messaging messaging;
    final InvitationObserver observer;
    final Feedback feedback;
    final Conversion conversion;
    final Departures departures;
    final Reminders reminders;
    final Erasing erasing;

    Engine(Context ctx, WaysIn ways, Messaging messaging, InvitationObserver observer) {
        this.ctx = ctx;
        this.observer = observer;
        this.messaging = messaging;
        this.inviting = new Inviting(ctx);
        this.managing = new Managing(ctx);
        this.claiming = new Claiming(ctx);
        this.reporting = new Reporting(ctx);
        this.redeeming = new Redeeming(ways, claiming);
        this.linking = new Linking(ways, claiming);
        this.syncing = new Syncing(ctx, inviting);
        this.feedback = new Feedback(ctx);
        this.conversion = new Conversion(ctx);
        this.departures = new Departures(ctx, managing);
        this.reminders = new Reminders(ctx);
        this.erasing = new Erasing(ctx, managing);
    }
}
