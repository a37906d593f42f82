using ContactCenter.Events;
using ContactCenter.Events.Contracts;
using ContactCenter.Events.InProcess;
using ContactCenter.Telephony.Calls;
using ContactCenter.Telephony.Cdr;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Server.Tests.Events;

/// <summary>
/// The call engine publishes its own payload record (Telephony's CallEventPayload); the event catalog lists the call.*
/// types with a mirror in the contracts (CallChanged). What the engine writes must read back as the mirror, field for
/// field, or a JSON transport (CTI channel, NATS) would hand subscribers a wrong or partial payload.
/// </summary>
public sealed class CallEventContractTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_catalog_lists_every_type_the_call_engine_publishes_with_the_mirror_payload()
    {
        // Read from the engine's constants, so a type added there and not here fails this test.
        var published = typeof(CallEventTypes).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();
        Assert.Contains(CallEventTypes.Ended, published);
        Assert.All(published, type =>
        {
            Assert.True(EventTypes.TryGetPayloadType(type, out var payload), $"{type} is missing from EventTypes");
            Assert.Equal(typeof(CallChanged), payload);
        });
    }

    [Fact]
    public void The_mirror_enums_have_the_engine_enums_members_in_order()
    {
        Assert.Equal(Enum.GetNames<CallState>(), Enum.GetNames<CallProgress>());
        Assert.Equal(Enum.GetNames<CdrStatus>(), Enum.GetNames<CallRecordStatus>());
        Assert.Equal(Enum.GetNames<CallDirection>(), Enum.GetNames<CallRecordDirection>());
        Assert.Equal(Enum.GetNames<HangupSide>(), Enum.GetNames<CallHangupSide>());
    }

    [Fact]
    public void A_call_ended_with_its_cdr_reads_back_as_the_mirror_field_for_field()
    {
        var cdr = new CallDetailRecord
        {
            Id = "call-7",
            Status = CdrStatus.EndedByRestart,
            Direction = CallDirection.Inbound,
            Caller = "+5511987654321",
            Callee = "3002",
            Trunk = "br-carrier",
            Did = "+551140001234",
            ServiceId = "sales",
            AnsweredBy = "3002",
            StartedAt = Start,
            RingingAt = Start.AddSeconds(1),
            AnsweredAt = Start.AddSeconds(4),
            EndedAt = Start.AddSeconds(64),
            HoldTime = TimeSpan.FromSeconds(12.5),
            HangupCode = 200,
            HangupReason = "BYE",
            HangupSide = HangupSide.Callee,
            RecordingIds = ["rec-1", "rec-2"],
            Disposition = "resolved",
            Legs =
            [
                new LegDetailRecord(0, "caller", "+5511987654321", "abc@203.0.113.9", "PCMA", Start, Start.AddSeconds(4), Start.AddSeconds(64),
                    3000, 2, 1.25, 4.3),
                new LegDetailRecord(1, "callee", "3002", "def@127.0.0.1", "PCMU", Start.AddSeconds(1), Start.AddSeconds(4), Start.AddSeconds(64)),
            ],
        };
        var bus = new InProcessEventBus(new FakeTimeProvider(Start));
        var sent = bus.Publish(CallEventTypes.Ended, new CallEventPayload("call-7", "+5511987654321", "3002", CallState.Ended, cdr)
        {
            Direction = CallDirection.Inbound,
            Trunk = "br-carrier",
            Did = "+551140001234",
            Service = "sales",
            ConnectedParty = "3002",
            Party = "3002",
            By = "3001",
            Digit = "5",
            DurationMs = 160,
            Source = "rtp",
            RecordingId = "rec-2",
        }, new EventSubject(CallId: "call-7"));

        var received = EventJson.Deserialize(EventJson.SerializeToUtf8Bytes(sent));

        var payload = Assert.IsType<CallChanged>(received.Payload);
        Assert.Equal(("call-7", "+5511987654321", "3002", CallProgress.Ended), (payload.CallId, payload.Caller, payload.Callee, payload.State));
        Assert.Equal((CallRecordDirection.Inbound, "br-carrier", "+551140001234", "sales", "3002", "3002", "3001"),
            (payload.Direction, payload.Trunk, payload.Did, payload.Service, payload.ConnectedParty, payload.Party, payload.By));
        Assert.Equal(("5", (int?)160, "rtp", "rec-2"), (payload.Digit, payload.DurationMs, payload.Source, payload.RecordingId));
        var mirror = payload.Cdr!;
        Assert.Equal(
            (cdr.Id, cdr.Status.ToString(), cdr.Direction.ToString(), cdr.Caller, cdr.Callee, cdr.Trunk, cdr.Did, cdr.ServiceId, cdr.AnsweredBy),
            (mirror.Id, mirror.Status.ToString(), mirror.Direction.ToString(), mirror.Caller, mirror.Callee, mirror.Trunk, mirror.Did, mirror.ServiceId, mirror.AnsweredBy));
        Assert.Equal((cdr.StartedAt, cdr.RingingAt, cdr.AnsweredAt, cdr.EndedAt, cdr.HoldTime),
            (mirror.StartedAt, mirror.RingingAt, mirror.AnsweredAt, mirror.EndedAt, mirror.HoldTime));
        Assert.Equal((cdr.HangupCode, cdr.HangupReason, cdr.HangupSide.ToString()), (mirror.HangupCode, mirror.HangupReason, mirror.HangupSide.ToString()));
        Assert.Equal((cdr.RingTime, cdr.TalkTime), (mirror.RingTime, mirror.TalkTime));
        Assert.Equal(cdr.RecordingIds, mirror.RecordingIds);
        Assert.Equal(cdr.Disposition, mirror.Disposition);
        Assert.Equal(cdr.Legs.Count, mirror.Legs.Count);
        for (int i = 0; i < cdr.Legs.Count; i++)
        {
            var (leg, copy) = (cdr.Legs[i], mirror.Legs[i]);
            Assert.Equal(
                (leg.Index, leg.Role, leg.Party, leg.SipCallId, leg.Codec, leg.StartedAt, leg.AnsweredAt, leg.EndedAt, leg.PacketsReceived, leg.PacketsLost, leg.JitterMilliseconds, leg.Mos),
                (copy.Index, copy.Role, copy.Party, copy.SipCallId, copy.Codec, copy.StartedAt, copy.AnsweredAt, copy.EndedAt, copy.PacketsReceived, copy.PacketsLost, copy.JitterMilliseconds, copy.Mos));
        }

        // Every property the engine's records carry has its counterpart in the mirror (a new CDR field needs one).
        Assert.Equal(typeof(CallDetailRecord).GetProperties().Select(p => p.Name).Order(), typeof(CallRecord).GetProperties().Select(p => p.Name).Order());
        Assert.Equal(typeof(LegDetailRecord).GetProperties().Select(p => p.Name).Order(), typeof(CallLegRecord).GetProperties().Select(p => p.Name).Order());
        Assert.Equal(typeof(CallEventPayload).GetProperties().Select(p => p.Name).Order(), typeof(CallChanged).GetProperties().Select(p => p.Name).Order());
    }
}
