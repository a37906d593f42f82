using ContactCenter.Media.Audio;
using ContactCenter.Media.Mixing;

namespace ContactCenter.Media.Sessions;

/// <summary>
/// A conference of legs on one <see cref="ConferenceMixer"/>: every leg hears every other leg and not itself, across
/// codecs and rates (the mix runs at 16 kHz once a G.722 leg is in, 8 kHz otherwise). The engine runs it in the mixers
/// phase of each tick: after every leg's inbound frame was decoded and written to its participant, before the sends
/// phase encodes each leg's share of the mix.
/// </summary>
/// <remarks>Add and remove from any call's queue; both are thread-safe and take effect on the next tick.</remarks>
public sealed class MediaConference : IDisposable
{
    private readonly MediaEngine _engine;
    private readonly Lock _gate = new();
    private readonly Dictionary<MediaLeg, MixerParticipant> _members = [];
    private int _disposed;

    internal MediaConference(MediaEngine engine, int maxParticipants)
    {
        _engine = engine;
        Mixer = new ConferenceMixer(maxParticipants);
    }

    /// <summary>The mixer (participants' modes, gain, mute, whisper).</summary>
    public ConferenceMixer Mixer { get; }

    /// <summary>Legs in the conference now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _members.Count;
            }
        }
    }

    /// <summary>True until disposed.</summary>
    public bool IsActive => Volatile.Read(ref _disposed) == 0;

    /// <summary>
    /// Adds <paramref name="leg"/>: its inbound audio is mixed for the others and it is sent the mix without itself.
    /// Throws <see cref="InvalidOperationException"/> when the leg is bridged or in a conference, or the mixer is full.
    /// </summary>
    public MixerParticipant Add(MediaLeg leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        ObjectDisposedException.ThrowIf(!IsActive, this);
        if (leg.Conference is not null)
        {
            throw new InvalidOperationException("The leg is already in a conference.");
        }

        var format = leg.AcquireInbound().Format;
        leg.ReleaseInbound();
        var participant = Mixer.Join(format);
        try
        {
            leg.JoinMixer(participant, participant);
        }
        catch
        {
            Mixer.Leave(participant);
            throw;
        }

        lock (_gate)
        {
            _members[leg] = participant;
        }

        leg.JoinedConference(this, participant);
        return participant;
    }

    /// <summary>Removes <paramref name="leg"/> (it stays up, hearing nothing until bridged or played to). False when it was not in.</summary>
    public bool Remove(MediaLeg leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        MixerParticipant? participant;
        lock (_gate)
        {
            if (!_members.Remove(leg, out participant))
            {
                return false;
            }
        }

        leg.LeaveMixer();
        leg.JoinedConference(null, null);
        Mixer.Leave(participant);
        return true;
    }

    /// <summary>The participant of <paramref name="leg"/>, or null.</summary>
    public MixerParticipant? ParticipantOf(MediaLeg leg)
    {
        lock (_gate)
        {
            return _members.GetValueOrDefault(leg);
        }
    }

    /// <summary>Removes every leg and stops mixing (the legs stay up).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        MediaLeg[] legs;
        lock (_gate)
        {
            legs = [.. _members.Keys];
        }

        foreach (var leg in legs)
        {
            Remove(leg);
        }

        _engine.RemoveConference(this);
    }
}
