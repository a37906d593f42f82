using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ContactCenter.Media.Ports;

/// <summary>
/// The RTP receive path on Linux: a few threads, each waiting on its own epoll set of RTP/RTCP sockets and handling
/// every ready datagram in place (read with <c>recvfrom(MSG_DONTWAIT)</c>, then the holder's latch, statistics and
/// bridge relay, whose send goes out from the same thread). Compared with an async receive per socket this takes no
/// thread-pool hop, no continuation and no wake-up per datagram, and media never waits behind other thread-pool work:
/// a starved pool stalled receive loops for up to a second on a busy machine (seen in the sipp capture test).
/// </summary>
/// <remarks>
/// One process-wide instance (<see cref="Shared"/>), null where epoll is unavailable (then each pair uses async loops).
/// Sockets are registered level-triggered and drained up to a batch per wake-up. A pair is unregistered under its
/// thread's lock before its sockets close, and every registration carries a generation, so an event that was already
/// returned for a pair just closed (whose descriptor number the kernel may reuse) is recognised and ignored.
/// </remarks>
internal sealed unsafe partial class RtpEpollReceiver
{
    private const int EpollCloexec = 0x80000;
    private const int EpollCtlAdd = 1;
    private const int EpollCtlDel = 2;
    private const uint EpollIn = 0x001;
    private const int MsgDontWait = 0x40;
    private const int Eintr = 4;
    private const int MaxEvents = 256;
    private const int MaxDatagramsPerWake = 64;

    private static readonly Lazy<RtpEpollReceiver?> Instance = new(Create);

    private readonly Worker[] _workers;
    private readonly Lock _slotsGate = new();
    private RtpPortPair?[] _slots = new RtpPortPair?[256];
    private uint[] _generations = new uint[256];
    private readonly Stack<int> _freeSlots = new();
    private int _nextSlot;
    private int _nextWorker;

    private RtpEpollReceiver(Worker[] workers) => _workers = workers;

    /// <summary>The process's receiver, or null when epoll cannot be used here (not Linux, or it failed).</summary>
    public static RtpEpollReceiver? Shared => Instance.Value;

    /// <summary>Datagrams received through epoll since start (all pairs).</summary>
    public long Received
    {
        get
        {
            long total = 0;
            foreach (var worker in _workers)
            {
                total += Interlocked.Read(ref worker.Received);
            }

            return total;
        }
    }

    /// <summary>Adds both sockets of <paramref name="pair"/>; their datagrams go to <see cref="RtpPortPair.Deliver"/>.</summary>
    public bool TryRegister(RtpPortPair pair)
    {
        int slot;
        uint generation;
        lock (_slotsGate)
        {
            if (!_freeSlots.TryPop(out slot))
            {
                slot = _nextSlot++;
                if (slot == _slots.Length)
                {
                    Array.Resize(ref _slots, _slots.Length * 2);
                    Array.Resize(ref _generations, _generations.Length * 2);
                }
            }

            generation = ++_generations[slot];
            _slots[slot] = pair;
        }

        var worker = _workers[(int)((uint)Interlocked.Increment(ref _nextWorker) % (uint)_workers.Length)];
        lock (worker.Gate)
        {
            if (Add(worker.Epoll, pair.RtpSocket, Token(slot, generation, rtcp: false))
                && Add(worker.Epoll, pair.RtcpSocket, Token(slot, generation, rtcp: true)))
            {
                pair.EpollRegistration = new Registration(worker, slot);
                return true;
            }

            Remove(worker.Epoll, pair.RtpSocket);
        }

        ReleaseSlot(slot);
        return false;
    }

    /// <summary>Removes the pair's sockets; once this returns no thread reads them any more (call before closing them).</summary>
    public void Unregister(RtpPortPair pair)
    {
        if (pair.EpollRegistration is not { } registration)
        {
            return;
        }

        pair.EpollRegistration = null;
        lock (registration.Worker.Gate)
        {
            Remove(registration.Worker.Epoll, pair.RtpSocket);
            Remove(registration.Worker.Epoll, pair.RtcpSocket);
            lock (_slotsGate)
            {
                _generations[registration.Slot]++; // events already returned for it no longer match
            }
        }

        ReleaseSlot(registration.Slot);
    }

    private void ReleaseSlot(int slot)
    {
        lock (_slotsGate)
        {
            _slots[slot] = null;
            _freeSlots.Push(slot);
        }
    }

    private static ulong Token(int slot, uint generation, bool rtcp) => ((ulong)generation << 32) | ((uint)slot << 1) | (rtcp ? 1u : 0u);

    private static RtpEpollReceiver? Create()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("CC_RTP_EPOLL") == "0"
            || RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64))
        {
            return null;
        }

        try
        {
            var count = Math.Clamp(Environment.ProcessorCount / 2, 1, 8);
            var workers = new Worker[count];
            for (var i = 0; i < count; i++)
            {
                var epoll = EpollCreate1(EpollCloexec);
                if (epoll < 0)
                {
                    return null;
                }

                workers[i] = new Worker(epoll);
            }

            var receiver = new RtpEpollReceiver(workers);
            for (var i = 0; i < count; i++)
            {
                var worker = workers[i];
                new Thread(() => receiver.Run(worker)) { IsBackground = true, Name = $"rtp-epoll-{i}" }.Start();
            }

            return receiver;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    // epoll_event is packed on x86-64 (12 bytes: events, then the 64-bit data at offset 4) and naturally aligned elsewhere.
    private static readonly int EventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;
    private static readonly int EventDataOffset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 4 : 8;

    private static bool Add(int epoll, Socket socket, ulong token)
    {
        var ev = stackalloc byte[16];
        *(uint*)ev = EpollIn;
        *(ulong*)(ev + EventDataOffset) = token;
        return EpollCtl(epoll, EpollCtlAdd, (int)socket.Handle, ev) == 0;
    }

    private static void Remove(int epoll, Socket socket)
    {
        var ev = stackalloc byte[16];
        _ = EpollCtl(epoll, EpollCtlDel, (int)socket.Handle, ev);
    }

    private void Run(Worker worker)
    {
        var events = (byte*)NativeMemory.AllocZeroed((nuint)(MaxEvents * EventSize));
        var buffer = GC.AllocateArray<byte>(RtpPortPair.DatagramBufferSize, pinned: true);
        var v4 = new SocketAddress(AddressFamily.InterNetwork);
        var v6 = new SocketAddress(AddressFamily.InterNetworkV6);
        while (true)
        {
            var ready = EpollWait(worker.Epoll, events, MaxEvents, -1);
            if (ready < 0)
            {
                if (Marshal.GetLastPInvokeError() == Eintr)
                {
                    continue;
                }

                Thread.Sleep(10); // should not happen; never spin
                continue;
            }

            lock (worker.Gate)
            {
                for (var i = 0; i < ready; i++)
                {
                    var token = *(ulong*)(events + (i * EventSize) + EventDataOffset);
                    var slot = (int)((uint)token >> 1);
                    var generation = (uint)(token >> 32);
                    RtpPortPair? pair;
                    lock (_slotsGate)
                    {
                        pair = slot < _slots.Length && _generations[slot] == generation ? _slots[slot] : null;
                    }

                    if (pair is null || pair.IsClosed)
                    {
                        continue;
                    }

                    var rtcp = (token & 1) != 0;
                    var socket = rtcp ? pair.RtcpSocket : pair.RtpSocket;
                    Drain(worker, pair, socket, rtcp, buffer, socket.AddressFamily == AddressFamily.InterNetworkV6 ? v6 : v4);
                }
            }
        }
    }

    private static void Drain(Worker worker, RtpPortPair pair, Socket socket, bool rtcp, byte[] buffer, SocketAddress source)
    {
        var fd = (int)socket.Handle;
        for (var n = 0; n < MaxDatagramsPerWake; n++)
        {
            nint received;
            var addressLength = (uint)source.Buffer.Length;
            fixed (byte* data = buffer)
            fixed (byte* address = source.Buffer.Span)
            {
                received = RecvFrom(fd, data, (nuint)buffer.Length, MsgDontWait, address, &addressLength);
            }

            if (received < 0)
            {
                // EAGAIN: drained. Anything else (an ICMP error queued on the socket) is consumed by this call; go on.
                if (Marshal.GetLastPInvokeError() is 11 or Eintr)
                {
                    return;
                }

                continue;
            }

            source.Size = (int)Math.Min(addressLength, (uint)source.Buffer.Length);
            Interlocked.Increment(ref worker.Received);
            try
            {
                pair.Deliver(buffer.AsSpan(0, (int)received), source, rtcp);
            }
            catch (Exception)
            {
                // The holder counts its own faults; this thread serves every call and must keep going.
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    private static partial int EpollCreate1(int flags);

    [LibraryImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    private static partial int EpollCtl(int epoll, int operation, int fd, byte* ev);

    [LibraryImport("libc", EntryPoint = "epoll_wait", SetLastError = true)]
    private static partial int EpollWait(int epoll, byte* events, int maxEvents, int timeout);

    [LibraryImport("libc", EntryPoint = "recvfrom", SetLastError = true)]
    private static partial nint RecvFrom(int fd, byte* buffer, nuint length, int flags, byte* address, uint* addressLength);

    /// <summary>Which thread and slot hold a pair.</summary>
    internal sealed record Registration(Worker Worker, int Slot);

    internal sealed class Worker(int epoll)
    {
        public readonly int Epoll = epoll;
        public readonly Lock Gate = new();
        public long Received;
    }
}
