# shellcheck shell=bash
# nginx in front of the app nodes of `run --nodes 2`: Debian's nginx (bin/lib/provision.sh installs it), run with a
# configuration of its own written into $DONDOC_STATE/nginx from docker/nginx/dondoc.conf.template.

NGINX_TEMPLATE="$ROOT/docker/nginx/dondoc.conf.template"
NGINX_STATE="$STATE/nginx"

# nginx_configure LISTEN_PORT NODE1 NODE2 : the template with the nodes filled in, inside a whole nginx.conf
nginx_configure() {
  local listen=$1 node1=$2 node2=$3 user_line=""
  mkdir -p "$NGINX_STATE/temp" "$LOGS"
  sed -e "s|\${DONDOC_LISTEN}|127.0.0.1:$listen|" -e "s|\${DONDOC_NODE_1}|$node1|" -e "s|\${DONDOC_NODE_2}|$node2|" \
    "$NGINX_TEMPLATE" >"$NGINX_STATE/dondoc.conf"
  if is_root; then
    user_line="user www-data;"
    chown -R www-data: "$NGINX_STATE/temp"
  fi
  cat >"$NGINX_STATE/nginx.conf" <<NGINX
# written by bin/dondoc run --nodes on every start, from docker/nginx/dondoc.conf.template
$user_line
worker_processes 1;
daemon off;
pid $NGINX_STATE/nginx.pid;
error_log $LOGS/nginx-error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    access_log $LOGS/nginx-access.log;
    client_body_temp_path $NGINX_STATE/temp/body;
    proxy_temp_path $NGINX_STATE/temp/proxy;
    fastcgi_temp_path $NGINX_STATE/temp/fastcgi;
    uwsgi_temp_path $NGINX_STATE/temp/uwsgi;
    scgi_temp_path $NGINX_STATE/temp/scgi;
    include $NGINX_STATE/dondoc.conf;
}
NGINX
  nginx -t -q -p "$NGINX_STATE" -e "$LOGS/nginx-error.log" -c "$NGINX_STATE/nginx.conf" \
    || die "nginx rejected $NGINX_STATE/nginx.conf — see $LOGS/nginx-error.log"
}

nginx_start() {
  start_background nginx "$NGINX_STATE" "$LOGS/nginx.log" \
    nginx -p "$NGINX_STATE" -e "$LOGS/nginx-error.log" -c "$NGINX_STATE/nginx.conf"
}
