using ContactCenter.Media.Assets;
using ContactCenter.Media.Audio;
using ContactCenter.Media.Endpoints;
using ContactCenter.Media.Playback;

namespace ContactCenter.Media.Sessions;

public sealed partial class MediaLeg
{
    /// <summary>
    /// Plays <paramref name="source"/> to the peer until <see cref="StopPlaying"/> or another play; while it plays, a
    /// bridge or conference into this leg is not heard by the peer (it is again afterwards). A source that returns no
    /// frame sends nothing that tick. Its frames are read on the media clock (sends phase).
    /// </summary>
    public void Play(IAudioSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        ThrowIfDisposed();
        Endpoint.Play(source);
    }

    /// <summary>
    /// Plays a decoded clip (a prompt, music) at this leg's codec rate; <paramref name="loop"/> repeats it seamlessly
    /// until <see cref="StopPlaying"/>. Returns the player (position, whether it finished).
    /// </summary>
    public WavPlayer Play(AudioClip clip, bool loop = false)
    {
        ArgumentNullException.ThrowIfNull(clip);
        var player = new WavPlayer(clip, SendFormat, loop);
        Play(player);
        return player;
    }

    /// <summary>Music on hold: <paramref name="clip"/> (default <see cref="DefaultMusicOnHold"/>) looping until <see cref="StopPlaying"/>.</summary>
    public WavPlayer PlayMusicOnHold(AudioClip? clip = null) => Play(clip ?? DefaultMusicOnHold.Clip, loop: true);

    /// <summary>Plays a call-progress tone (ringback, busy, beep: <see cref="TonePresets"/>) with its cadence.</summary>
    public ToneGenerator PlayTone(ToneDefinition tone)
    {
        ArgumentNullException.ThrowIfNull(tone);
        var generator = new ToneGenerator(tone, SendFormat);
        Play(generator);
        return generator;
    }

    /// <summary>Stops playing; a bridge or conference, if any, is heard again.</summary>
    public void StopPlaying() => Endpoint.Play(null);

    /// <summary>
    /// Sends a digit (default 100 ms) as RFC 4733 telephone-events; when the peer did not negotiate telephone-event and
    /// <paramref name="inBandFallback"/> is set, as a dual tone in the audio instead (<see cref="DtmfSendResult.QueuedInBand"/>).
    /// </summary>
    public DtmfSendResult SendDtmf(char digit, TimeSpan? duration = null, bool inBandFallback = true)
    {
        ThrowIfDisposed();
        var result = Endpoint.SendDtmf(digit, duration);
        if (result != DtmfSendResult.NotNegotiated || !inBandFallback || Endpoint.CurrentMedia?.SendCodec is null)
        {
            return result;
        }

        return Endpoint.SendInBandDtmf(digit, duration ?? TimeSpan.FromMilliseconds(100));
    }

    private AudioFormat SendFormat => new(Endpoint.CurrentMedia?.SendCodec?.SampleRate ?? AudioFormat.Narrowband.SampleRate);
}
