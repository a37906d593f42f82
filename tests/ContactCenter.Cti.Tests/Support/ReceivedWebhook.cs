namespace ContactCenter.Cti.Tests.Support;

public sealed record ReceivedWebhook(byte[] Body, string Signature, string EventId, DateTimeOffset ReceivedAt);
