using System.Net.Sockets;

namespace ContactCenter.Sip.Transport;

internal static class SocketTuning
{
    private const int SolSocket = 1;
    private const int SoSndBufForce = 32;
    private const int SoRcvBufForce = 33;

    /// <summary>
    /// Asks for large kernel buffers. Linux caps SO_RCVBUF at net.core.rmem_max (often 208 KiB); a privileged process
    /// may exceed it with SO_RCVBUFFORCE, so try that first and fall back quietly.
    /// </summary>
    public static void SetLargeBuffers(Socket socket, int bytes)
    {
        if (bytes <= 0) return;
        if (OperatingSystem.IsLinux())
        {
            try
            {
                socket.SetRawSocketOption(SolSocket, SoRcvBufForce, BitConverter.GetBytes(bytes));
                socket.SetRawSocketOption(SolSocket, SoSndBufForce, BitConverter.GetBytes(bytes));
                return;
            }
            catch (SocketException)
            {
                // Not privileged: use the capped options below.
            }
        }
        try
        {
            socket.ReceiveBufferSize = bytes;
            socket.SendBufferSize = bytes;
        }
        catch (SocketException)
        {
            // The kernel keeps its default; the transport still works, only with less headroom.
        }
    }
}
