using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Rtp;
using ContactCenter.Media.Sessions;
using ContactCenter.Media.Tests.Endpoints;

namespace ContactCenter.Media.Tests.Sessions;

/// <summary>
/// A UDP "phone" on loopback with its own leg: sends one RTP frame of a continuous tone per call to <see cref="SendFrame"/>
/// (PCMU, PCMA or G.722) and collects every RTP packet the leg sends it on a background receive loop.
/// </summary>
internal sealed class TonePhone : IDisposable
{
    private readonly UdpPhone _phone = new();
    private readonly AudioCodec _codec;
    private readonly IAudioEncoder _encoder;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;
    private readonly byte _payloadType;
    private readonly uint _ssrc = (uint)Random.Shared.Next();
    private long _sample;
    private ushort _sequence = (ushort)Random.Shared.Next();
    private uint _timestamp = (uint)Random.Shared.Next();

    public TonePhone(MediaTestHarness harness, double frequency, string payloadType = "0", double amplitude = 6000, string direction = "sendrecv")
    {
        Frequency = frequency;
        Amplitude = amplitude;
        _payloadType = byte.Parse(payloadType);
        _codec = _payloadType switch { 0 => G711Codec.MuLaw, 8 => G711Codec.ALaw, 9 => G722Codec.Instance, _ => throw new ArgumentException(payloadType) };
        _encoder = _codec.CreateEncoder();
        Leg = harness.CreateLeg();
        var answer = Leg.AcceptOffer(_phone.Offer(payloadType, direction: direction));
        Assert.True(answer.IsSuccess, answer.ToString());
        _receiving = Task.Run(ReceiveAsync);
    }

    public MediaLeg Leg { get; }

    public UdpPhone Phone => _phone;

    public double Frequency { get; }

    public double Amplitude { get; set; }

    public int SampleRate => _codec.SampleRate;

    public int FramesSent { get; private set; }

    public ConcurrentQueue<ReceivedRtp> Received { get; } = new();

    /// <summary>Sends the next 20 ms of the tone to the leg.</summary>
    public void SendFrame()
    {
        var samples = new short[_codec.SamplesPerFrame];
        for (var i = 0; i < samples.Length; i++, _sample++)
        {
            samples[i] = (short)(Amplitude * Math.Sin(2 * Math.PI * Frequency * _sample / _codec.SampleRate));
        }

        var payload = new byte[_codec.BytesPerFrame];
        Assert.Equal(payload.Length, _encoder.Encode(samples, payload));
        _phone.SendRtp(Leg.Endpoint.LocalRtpEndPoint, new RtpHeader(_payloadType, _sequence++, _timestamp, _ssrc), payload);
        _timestamp += (uint)_codec.RtpTicksPerFrame;
        FramesSent++;
    }

    /// <summary>Loses the next 20 ms of the tone: its sequence number and timestamp go by, nothing is sent.</summary>
    public void SkipFrame()
    {
        _sample += _codec.SamplesPerFrame;
        _sequence++;
        _timestamp += (uint)_codec.RtpTicksPerFrame;
    }

    /// <summary>The audio received so far, decoded in arrival order (loopback keeps order).</summary>
    public short[] Heard()
    {
        var decoder = _codec.CreateDecoder();
        var pcm = new List<short>();
        var frame = new short[_codec.SamplesPerFrame * 4];
        foreach (var packet in Received)
        {
            var count = decoder.Decode(packet.Payload, frame);
            Assert.True(count >= 0, $"undecodable payload of {packet.Payload.Length} octets");
            pcm.AddRange(frame.AsSpan(0, count).ToArray());
        }

        return [.. pcm];
    }

    public void Dispose()
    {
        _stop.Cancel();
        _phone.Dispose();
        try
        {
            _receiving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the socket.
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[2048];
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await _phone.Rtp.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            if (RtpPacket.TryParse(buffer.AsSpan(0, result.ReceivedBytes), out var packet) == RtpParseStatus.Ok)
            {
                Received.Enqueue(new ReceivedRtp(RtpHeader.From(packet), packet.Payload.ToArray(), (IPEndPoint)result.RemoteEndPoint));
            }
        }
    }
}
