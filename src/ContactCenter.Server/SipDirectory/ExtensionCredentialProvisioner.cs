namespace ContactCenter.Server.SipDirectory;

/// <summary>
/// Gives every extension digest credentials without shipping a usable default password:
/// a configured <c>Password</c> is hashed in memory; otherwise a stored hash from an earlier start is
/// reused; otherwise a random password is generated, written once to the owner-only
/// <see cref="InitialPasswordsFile"/> and only its hashes are stored in <see cref="ExtensionCredentialStore"/>.
/// </summary>
public static class ExtensionCredentialProvisioner
{
    public static ExtensionDirectory Provision(SipProfileCatalog catalog, string dataDirectory, TimeProvider timeProvider, ILogger logger)
    {
        var storePath = Path.Combine(dataDirectory, ExtensionCredentialStore.FileName);
        var passwordsPath = Path.Combine(dataDirectory, InitialPasswordsFile.FileName);
        var document = ExtensionCredentialStore.Load(storePath);
        var stored = document.Credentials.ToDictionary(credential => credential.Number, StringComparer.OrdinalIgnoreCase);
        var now = timeProvider.GetUtcNow();

        var extensions = new List<KeyValuePair<ExtensionInfo, DigestHa1Pair>>();
        var generated = new List<GeneratedExtensionPassword>();
        var storeChanged = false;

        foreach (var profile in catalog.Profiles)
        {
            var profileName = profile.Name!;
            var realm = profile.Realm!;
            foreach (var extension in profile.Extensions)
            {
                var info = new ExtensionInfo(extension.Number, extension.DisplayName, profileName, realm);
                stored.TryGetValue(extension.Number, out var existing);

                if (extension.Password is { } configured)
                {
                    // The configured password wins. A hash generated earlier is dropped so that removing the
                    // password later yields a fresh secret rather than reviving one that may have leaked.
                    extensions.Add(new(info, DigestHa1.ComputeAll(extension.Number, realm, configured)));
                    storeChanged |= existing is not null && stored.Remove(extension.Number);
                    continue;
                }

                if (existing is not null && string.Equals(existing.Realm, realm, StringComparison.Ordinal))
                {
                    extensions.Add(new(info, new DigestHa1Pair(existing.Ha1Md5, existing.Ha1Sha256)));
                    continue;
                }

                if (existing is not null)
                {
                    // HA1 includes the realm, so a realm change makes the stored hash useless.
                    logger.LogWarning(
                        "Extension {Number} moved from realm {OldRealm} to {NewRealm}; its stored hash cannot be reused, so a new password is generated.",
                        extension.Number, existing.Realm, realm);
                }

                var password = PasswordGenerator.Generate();
                var hashes = DigestHa1.ComputeAll(extension.Number, realm, password);
                generated.Add(new GeneratedExtensionPassword(extension.Number, profileName, realm, password));
                stored[extension.Number] = new StoredExtensionCredential
                {
                    Number = extension.Number,
                    Realm = realm,
                    Profile = profileName,
                    Ha1Md5 = hashes.Md5Hex,
                    Ha1Sha256 = hashes.Sha256Hex,
                    CreatedAt = now,
                };
                extensions.Add(new(info, hashes));
                storeChanged = true;
            }
        }

        if (generated.Count > 0)
        {
            // Plaintext first: if the store write then fails, the next start simply generates again,
            // whereas the other order could keep hashes of passwords nobody can read.
            InitialPasswordsFile.Append(passwordsPath, generated, now);
        }

        if (storeChanged)
        {
            // Entries of extensions no longer in any profile are kept: removing a profile by mistake
            // must not lose the credentials its phones are configured with.
            document.Credentials = stored.Values.OrderBy(credential => credential.Number, StringComparer.Ordinal).ToList();
            ExtensionCredentialStore.Save(storePath, document);
        }

        if (generated.Count > 0)
        {
            logger.LogWarning(
                "Generated random SIP passwords for {Count} extension(s) ({Numbers}). The plaintext is in {PasswordsFile} (owner-only); " +
                "give each to its phone, keep them safe and delete that file. Only digest hashes are stored, in {StoreFile}.",
                generated.Count, string.Join(", ", generated.Select(password => password.Number)), passwordsPath, storePath);
        }

        return new ExtensionDirectory(catalog, extensions);
    }
}
