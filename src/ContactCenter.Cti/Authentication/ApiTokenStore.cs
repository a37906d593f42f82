using System.Collections.Concurrent;
using ContactCenter.Storage;
using Dapper;

namespace ContactCenter.Cti.Authentication;

/// <summary>
/// The tokens in <c>cti_tokens</c>. Active tokens are cached by hash after their first use, so a request costs one
/// SHA-256 and a dictionary lookup; revoking goes through this store and drops the entry, so a revoked token stops
/// working at once. (One process owns the database; a scale-out store would need a shared invalidation.)
/// </summary>
public sealed class ApiTokenStore(IDbConnectionFactory connections, TimeProvider time)
{
    private const string Columns = """
        id AS Id, token_hash AS TokenHash, token_prefix AS TokenPrefix, name AS Name, role AS Role, agent_id AS AgentId,
        created_at AS CreatedAt, created_by AS CreatedBy, revoked_at AS RevokedAt
        """;

    private readonly ConcurrentDictionary<string, ApiToken> _activeByHash = new(StringComparer.Ordinal);

    /// <summary>The active token whose SHA-256 is <paramref name="tokenHash"/>, or null.</summary>
    public ApiToken? FindActive(string tokenHash)
    {
        if (_activeByHash.TryGetValue(tokenHash, out var cached))
            return cached;
        using var connection = connections.Open();
        var token = connection.QuerySingleOrDefault<ApiToken>(
            $"SELECT {Columns} FROM cti_tokens WHERE token_hash = @tokenHash AND revoked_at IS NULL", new { tokenHash });
        if (token is not null)
            _activeByHash[tokenHash] = token;
        return token;
    }

    /// <summary>Creates a token and returns its row and the token itself (the only time it exists outside the caller).</summary>
    public (ApiToken Token, string Secret) Create(string name, string role, string? agentId, string? createdBy)
    {
        string secret = ApiTokenSecret.Generate();
        var token = new ApiToken(
            ApiTokenSecret.NewId("tok_"), ApiTokenSecret.Hash(secret), secret[..ApiTokenSecret.DisplayPrefixLength], name, role,
            agentId, time.GetUtcNow().ToString("O"), createdBy, null);
        using var connection = connections.Open();
        connection.Execute("""
            INSERT INTO cti_tokens (id, token_hash, token_prefix, name, role, agent_id, created_at, created_by, revoked_at)
            VALUES (@Id, @TokenHash, @TokenPrefix, @Name, @Role, @AgentId, @CreatedAt, @CreatedBy, NULL)
            """, token);
        return (token, secret);
    }

    /// <summary>Every token, newest first, revoked ones included.</summary>
    public IReadOnlyList<ApiToken> List()
    {
        using var connection = connections.Open();
        return connection.Query<ApiToken>($"SELECT {Columns} FROM cti_tokens ORDER BY created_at DESC, id").AsList();
    }

    /// <summary>The token with <paramref name="id"/>, or null.</summary>
    public ApiToken? Find(string id)
    {
        using var connection = connections.Open();
        return connection.QuerySingleOrDefault<ApiToken>($"SELECT {Columns} FROM cti_tokens WHERE id = @id", new { id });
    }

    /// <summary>Revokes a token; false when there is no active token with that id.</summary>
    public bool Revoke(string id)
    {
        using var connection = connections.Open();
        string? hash = connection.QuerySingleOrDefault<string>(
            "UPDATE cti_tokens SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL RETURNING token_hash",
            new { id, now = time.GetUtcNow().ToString("O") });
        if (hash is null)
            return false;
        _activeByHash.TryRemove(hash, out _);
        return true;
    }

    /// <summary>Whether any admin token is active (if none, the first start creates one).</summary>
    public bool AnyActiveAdmin()
    {
        using var connection = connections.Open();
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM cti_tokens WHERE role = 'admin' AND revoked_at IS NULL") > 0;
    }
}
