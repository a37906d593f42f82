# ContactCenter server image.
#   docker build -t contactcenter .
#   docker run -p 5060:5060/udp -p 5060:5060/tcp -p 8080:8080 \
#     -v cc-data:/app/data -v cc-recordings:/app/recordings contactcenter
# Generated extension passwords land in the data volume: initial-extension-passwords.txt.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
# All of src/ is copied (not only the csproj files) so a project the server starts to reference later
# cannot be forgotten here; .dockerignore keeps bin/ and obj/ out.
COPY src/ src/
RUN dotnet publish src/ContactCenter.Server/ContactCenter.Server.csproj \
        --configuration Release --output /app/publish -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app/publish ./
COPY sip-profiles/ ./sip-profiles/
# The app runs as the image's non-root user ($APP_UID); it owns only what it must write.
RUN mkdir -p /app/data /app/recordings \
    && chown "$APP_UID" /app/data /app/recordings \
    && chmod 0700 /app/data \
    && chmod 0750 /app/recordings
USER $APP_UID
ENV ASPNETCORE_ENVIRONMENT=Production \
    ContactCenter__ProfilesDirectory=/app/sip-profiles \
    ContactCenter__DataDirectory=/app/data \
    ContactCenter__RecordingsDirectory=/app/recordings \
    ContactCenter__Http__Urls=http://0.0.0.0:8080
# SIP (UDP and TCP) and HTTP (REST API, /healthz).
EXPOSE 5060/udp 5060/tcp 8080/tcp
VOLUME ["/app/data", "/app/recordings"]
ENTRYPOINT ["dotnet", "ContactCenter.Server.dll"]
