from api.views import api

# Included by newsday/urls.py under /api/v1/; names are « api:… ».
urlpatterns = api.urls[0]
app_name = "api"
